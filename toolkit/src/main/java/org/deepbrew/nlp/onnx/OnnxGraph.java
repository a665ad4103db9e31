package org.deepbrew.nlp.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph of an ONNX model file: its nodes, its initializers (weights) and the names of its
 * inputs and outputs. Read with {@link #read(Path)} or {@link #read(InputStream)}.
 *
 * <p>Only the fields needed to import weights are decoded; attributes and value types are skipped.
 */
public final class OnnxGraph {
    // Field numbers of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto).
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_INT = 3;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int VALUE_INFO_NAME = 1;

    private final List<OnnxNode> nodes;
    private final Map<String, OnnxTensor> initializers;
    private final List<String> inputs;
    private final List<String> outputs;

    private OnnxGraph(List<OnnxNode> nodes, Map<String, OnnxTensor> initializers, List<String> inputs, List<String> outputs) {
        this.nodes = Collections.unmodifiableList(nodes);
        this.initializers = Collections.unmodifiableMap(initializers);
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputs = Collections.unmodifiableList(outputs);
    }

    /** Reads the graph of the ONNX model file at {@code path}. */
    public static OnnxGraph read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return parse(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), path.toString());
        }
    }

    /** Reads the graph of an ONNX model from a stream (read fully into memory). */
    public static OnnxGraph read(InputStream in) throws IOException {
        return parse(ByteBuffer.wrap(in.readAllBytes()), "stream");
    }

    /** Parses a ModelProto held in {@code bytes}. */
    public static OnnxGraph parse(ByteBuffer bytes, String source) {
        try {
            ProtoReader model = new ProtoReader(bytes);
            while (model.hasMore()) {
                if (model.nextField() == MODEL_GRAPH && model.wireType() == ProtoReader.LENGTH_DELIMITED) {
                    return parseGraph(model.readMessage());
                }
                model.skip();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a readable ONNX model (" + source + "): " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("Not an ONNX model (" + source + "): no graph field found");
    }

    private static OnnxGraph parseGraph(ProtoReader graph) {
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (graph.hasMore()) {
            switch (graph.nextField()) {
                case GRAPH_NODE -> nodes.add(parseNode(graph.readMessage()));
                case GRAPH_INITIALIZER -> {
                    OnnxTensor t = parseTensor(graph.readMessage());
                    initializers.put(t.name(), t);
                }
                case GRAPH_INPUT -> inputs.add(parseValueInfoName(graph.readMessage()));
                case GRAPH_OUTPUT -> outputs.add(parseValueInfoName(graph.readMessage()));
                default -> graph.skip();
            }
        }
        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static OnnxNode parseNode(ProtoReader node) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        Map<String, Long> ints = new LinkedHashMap<>();
        while (node.hasMore()) {
            switch (node.nextField()) {
                case NODE_ATTRIBUTE -> readIntAttribute(node.readMessage(), ints);
                case NODE_INPUT -> in.add(node.readString());
                case NODE_OUTPUT -> out.add(node.readString());
                case NODE_NAME -> name = node.readString();
                case NODE_OP_TYPE -> op = node.readString();
                default -> node.skip();
            }
        }
        return new OnnxNode(name, op, List.copyOf(in), List.copyOf(out), Map.copyOf(ints));
    }

    private static void readIntAttribute(ProtoReader attribute, Map<String, Long> ints) {
        String name = null;
        Long value = null;
        while (attribute.hasMore()) {
            switch (attribute.nextField()) {
                case ATTRIBUTE_NAME -> name = attribute.readString();
                case ATTRIBUTE_INT -> value = attribute.readVarint();
                default -> attribute.skip();
            }
        }
        if (name != null && value != null) {
            ints.put(name, value);
        }
    }

    private static OnnxTensor parseTensor(ProtoReader tensor) {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        FloatList floats = new FloatList();
        List<Long> longs = new ArrayList<>();
        while (tensor.hasMore()) {
            switch (tensor.nextField()) {
                case TENSOR_DIMS -> tensor.readVarints(dims::add);
                case TENSOR_DATA_TYPE -> dataType = (int) tensor.readVarint();
                case TENSOR_FLOAT_DATA -> tensor.readFloats(floats::add);
                case TENSOR_INT64_DATA -> tensor.readVarints(longs::add);
                case TENSOR_NAME -> name = tensor.readString();
                case TENSOR_RAW_DATA -> raw = tensor.readBytes();
                default -> tensor.skip();
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new OnnxTensor(name, shape, dataType, raw, floats.toArray(),
                longs.stream().mapToLong(Long::longValue).toArray());
    }

    private static String parseValueInfoName(ProtoReader info) {
        String name = "";
        while (info.hasMore()) {
            if (info.nextField() == VALUE_INFO_NAME) {
                name = info.readString();
            } else {
                info.skip();
            }
        }
        return name;
    }

    /** The graph's operations, in file (topological) order. */
    public List<OnnxNode> nodes() {
        return nodes;
    }

    /** The initializers by name, in file order. */
    public Map<String, OnnxTensor> initializers() {
        return initializers;
    }

    /** The initializer named {@code name}, if any. */
    public Optional<OnnxTensor> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }

    /** Names of the graph's inputs (with older exporters this includes the initializers). */
    public List<String> inputs() {
        return inputs;
    }

    /** Names of the graph's outputs. */
    public List<String> outputs() {
        return outputs;
    }

    /** The nodes that read the value named {@code valueName}. */
    public List<OnnxNode> consumersOf(String valueName) {
        List<OnnxNode> result = new ArrayList<>();
        for (OnnxNode n : nodes) {
            if (n.inputs().contains(valueName)) {
                result.add(n);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "OnnxGraph[" + nodes.size() + " nodes, " + initializers.size() + " initializers, inputs "
                + inputs + ", outputs " + outputs + "]";
    }

    /** A growable float array, so float_data is not boxed. */
    private static final class FloatList {
        private float[] values = new float[0];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(16, size * 2));
            }
            values[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
