package org.deepbrew.deploy.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX model to write: a graph of {@link Node}s over typed inputs, {@link Initializer}s (weights)
 * and outputs, with the operator-set version it targets. Build one with {@link #builder()}, then
 * {@link #write(Path)} it or take its {@link #toByteArray() bytes} for an ONNX Runtime session.
 *
 * <pre>{@code
 * OnnxModel model = OnnxModel.builder()
 *         .input("x", ElementType.FLOAT, "batch", 3)
 *         .initializer(Initializer.floats("w", weights, 3, 2))
 *         .node("MatMul", List.of("x", "w"), List.of("y"))
 *         .output("y", ElementType.FLOAT, "batch", 2)
 *         .build();
 * }</pre>
 */
public final class OnnxModel {
    /** IR version 8 and opset 17 (LayerNormalization) both run on ONNX Runtime 1.19, DJL 0.31.1's. */
    public static final long DEFAULT_IR_VERSION = 8;
    public static final long DEFAULT_OPSET = 17;

    // Field numbers of onnx.proto.
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_F = 2;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_S = 4;
    private static final int ATTRIBUTE_FLOATS = 7;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_FLOAT = 1;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_STRING = 3;
    private static final int ATTRIBUTE_TYPE_FLOATS = 6;
    private static final int ATTRIBUTE_TYPE_INTS = 7;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private final String graphName;
    private final long irVersion;
    private final long opset;
    private final List<ValueInfo> inputs;
    private final List<ValueInfo> outputs;
    private final Map<String, Initializer> initializers;
    private final List<Node> nodes;

    private OnnxModel(Builder b) {
        this.graphName = b.graphName;
        this.irVersion = b.irVersion;
        this.opset = b.opset;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(b.initializers));
        this.nodes = List.copyOf(b.nodes);
    }

    /** A builder for a new model. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this model's graph, to change or extend it. */
    public Builder toBuilder() {
        Builder b = new Builder().graphName(graphName).irVersion(irVersion).opset(opset);
        b.inputs.addAll(inputs);
        b.outputs.addAll(outputs);
        b.initializers.putAll(initializers);
        b.nodes.addAll(nodes);
        return b;
    }

    public List<ValueInfo> inputs() {
        return inputs;
    }

    public List<ValueInfo> outputs() {
        return outputs;
    }

    /** Initializers by name, in insertion order. */
    public Map<String, Initializer> initializers() {
        return initializers;
    }

    /** The nodes in topological order. */
    public List<Node> nodes() {
        return nodes;
    }

    public long opset() {
        return opset;
    }

    /** Bytes the initializers' values take: nearly all of a model file. */
    public long weightBytes() {
        return initializers.values().stream().mapToLong(Initializer::sizeInBytes).sum();
    }

    /** The model encoded as an ONNX {@code ModelProto}. */
    public byte[] toByteArray() {
        return message(out -> {
            out.writeInt64(MODEL_IR_VERSION, irVersion);
            out.writeString(MODEL_PRODUCER_NAME, "deepbrew");
            out.writeByteArray(MODEL_GRAPH, graphBytes());
            out.writeByteArray(MODEL_OPSET_IMPORT, message(o -> {
                o.writeString(OPSET_DOMAIN, "");
                o.writeInt64(OPSET_VERSION, opset);
            }));
        });
    }

    /** Writes the model file to {@code path}, creating parent directories. */
    public void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(path, toByteArray());
    }

    private byte[] graphBytes() {
        return message(out -> {
            for (Node n : nodes) {
                out.writeByteArray(GRAPH_NODE, nodeBytes(n));
            }
            out.writeString(GRAPH_NAME, graphName);
            for (Initializer i : initializers.values()) {
                out.writeByteArray(GRAPH_INITIALIZER, tensorBytes(i));
            }
            for (ValueInfo v : inputs) {
                out.writeByteArray(GRAPH_INPUT, valueInfoBytes(v));
            }
            for (ValueInfo v : outputs) {
                out.writeByteArray(GRAPH_OUTPUT, valueInfoBytes(v));
            }
        });
    }

    private static byte[] nodeBytes(Node n) {
        return message(out -> {
            for (String in : n.inputs()) {
                out.writeString(NODE_INPUT, in);
            }
            for (String o : n.outputs()) {
                out.writeString(NODE_OUTPUT, o);
            }
            out.writeString(NODE_NAME, n.name());
            out.writeString(NODE_OP_TYPE, n.opType());
            for (Map.Entry<String, Object> a : n.attributes().entrySet()) {
                out.writeByteArray(NODE_ATTRIBUTE, attributeBytes(a.getKey(), a.getValue()));
            }
        });
    }

    private static byte[] attributeBytes(String name, Object value) {
        return message(out -> {
            out.writeString(ATTRIBUTE_NAME, name);
            if (value instanceof Long || value instanceof Integer) {
                out.writeInt64(ATTRIBUTE_I, ((Number) value).longValue());
                out.writeInt32(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INT);
            } else if (value instanceof Float || value instanceof Double) {
                out.writeFloat(ATTRIBUTE_F, ((Number) value).floatValue());
                out.writeInt32(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOAT);
            } else if (value instanceof String s) {
                out.writeBytes(ATTRIBUTE_S, com.google.protobuf.ByteString.copyFromUtf8(s));
                out.writeInt32(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_STRING);
            } else if (value instanceof float[] fs) {
                for (float f : fs) {
                    out.writeFloat(ATTRIBUTE_FLOATS, f);
                }
                out.writeInt32(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_FLOATS);
            } else if (value instanceof long[] ls) {
                for (long l : ls) {
                    out.writeInt64(ATTRIBUTE_INTS, l);
                }
                out.writeInt32(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INTS);
            }
        });
    }

    private static byte[] tensorBytes(Initializer t) {
        return message(out -> {
            for (long d : t.dims()) {
                out.writeInt64(TENSOR_DIMS, d);
            }
            out.writeInt32(TENSOR_DATA_TYPE, t.type().code());
            out.writeString(TENSOR_NAME, t.name());
            out.writeByteArray(TENSOR_RAW_DATA, t.raw());
        });
    }

    private static byte[] valueInfoBytes(ValueInfo v) {
        byte[] shape = message(out -> {
            for (Object d : v.dims()) {
                out.writeByteArray(SHAPE_DIM, message(o -> {
                    if (d instanceof String s) {
                        o.writeString(DIM_PARAM, s);
                    } else {
                        o.writeInt64(DIM_VALUE, ((Number) d).longValue());
                    }
                }));
            }
        });
        byte[] tensorType = message(out -> {
            out.writeInt32(TENSOR_TYPE_ELEM_TYPE, v.type().code());
            out.writeByteArray(TENSOR_TYPE_SHAPE, shape);
        });
        return message(out -> {
            out.writeString(VALUE_INFO_NAME, v.name());
            out.writeByteArray(VALUE_INFO_TYPE, message(o -> o.writeByteArray(TYPE_TENSOR, tensorType)));
        });
    }

    /** Encodes one message: nested messages are written as length-delimited bytes. */
    private static byte[] message(Fields fields) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            fields.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    @Override
    public String toString() {
        return "OnnxModel[" + nodes.size() + " nodes, " + initializers.size() + " initializers, opset " + opset + "]";
    }

    /** Builds an {@link OnnxModel}; {@link #build()} checks that every node input is defined before it is read. */
    public static final class Builder {
        private String graphName = "deepbrew";
        private long irVersion = DEFAULT_IR_VERSION;
        private long opset = DEFAULT_OPSET;
        private final List<ValueInfo> inputs = new ArrayList<>();
        private final List<ValueInfo> outputs = new ArrayList<>();
        private final Map<String, Initializer> initializers = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private int unnamed;

        private Builder() {
        }

        public Builder graphName(String name) {
            this.graphName = name;
            return this;
        }

        public Builder irVersion(long version) {
            this.irVersion = version;
            return this;
        }

        /** The version of the default ({@code ai.onnx}) operator set. */
        public Builder opset(long version) {
            this.opset = version;
            return this;
        }

        /** A graph input; each dim is a number or a symbolic name such as {@code "batch"}. */
        public Builder input(String name, ElementType type, Object... dims) {
            inputs.add(ValueInfo.of(name, type, dims));
            return this;
        }

        /** A graph output; each dim is a number or a symbolic name. */
        public Builder output(String name, ElementType type, Object... dims) {
            outputs.add(ValueInfo.of(name, type, dims));
            return this;
        }

        public Builder initializer(Initializer initializer) {
            if (initializers.putIfAbsent(initializer.name(), initializer) != null) {
                throw new IllegalArgumentException("Duplicate initializer '" + initializer.name() + "'");
            }
            return this;
        }

        /** Replaces (or adds) an initializer of the same name. */
        public Builder replaceInitializer(Initializer initializer) {
            initializers.put(initializer.name(), initializer);
            return this;
        }

        /** Removes an initializer no node reads any more. */
        public Builder removeInitializer(String name) {
            initializers.remove(name);
            return this;
        }

        public Builder node(Node node) {
            nodes.add(node);
            return this;
        }

        /** A node without attributes, named after its operator and position. */
        public Builder node(String opType, List<String> inputs, List<String> outputs) {
            return node(opType, inputs, outputs, Map.of());
        }

        /** A node with attributes ({@code Long}, {@code Float}, {@code String}, {@code long[]}, {@code float[]}). */
        public Builder node(String opType, List<String> inputs, List<String> outputs, Map<String, Object> attributes) {
            return node(new Node(opType, opType + "_" + unnamed++, inputs, outputs, attributes));
        }

        /** Replaces the node list (used by graph rewrites such as quantisation). */
        public Builder nodes(List<Node> replacement) {
            nodes.clear();
            nodes.addAll(replacement);
            return this;
        }

        /** The model; fails naming the first value a node reads before anything defines it. */
        public OnnxModel build() {
            Set<String> defined = new HashSet<>(initializers.keySet());
            inputs.forEach(v -> defined.add(v.name()));
            for (Node n : nodes) {
                for (String in : n.inputs()) {
                    if (!in.isEmpty() && !defined.contains(in)) {
                        throw new IllegalStateException("Node '" + n.name() + "' (" + n.opType() + ") reads '" + in
                                + "', which no input, initializer or earlier node defines");
                    }
                }
                defined.addAll(n.outputs());
            }
            for (ValueInfo o : outputs) {
                if (!defined.contains(o.name())) {
                    throw new IllegalStateException("Output '" + o.name() + "' is produced by no node");
                }
            }
            if (outputs.isEmpty()) {
                throw new IllegalStateException("The graph has no outputs");
            }
            return new OnnxModel(this);
        }
    }
}
