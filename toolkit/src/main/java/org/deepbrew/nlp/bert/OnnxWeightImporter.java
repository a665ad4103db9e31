package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepbrew.nlp.onnx.OnnxGraph;
import org.deepbrew.nlp.onnx.OnnxNode;
import org.deepbrew.nlp.onnx.OnnxTensor;

/**
 * Copies the weights of a BERT model exported to ONNX into a {@link BertEncoder}.
 *
 * <p>Exporters keep the names of embeddings, LayerNorms and biases, but most dense weights
 * become anonymous initializers ({@code onnx::MatMul_885}) stored transposed, (in, out). Each is
 * found by following the graph: the {@code Add} node that applies the named bias reads the
 * output of a {@code MatMul} whose other input is the weight. File order is never trusted.
 */
public final class OnnxWeightImporter {
    private final OnnxGraph graph;
    private final String prefix;
    private final Map<String, OnnxNode> producers = new LinkedHashMap<>();

    /** An importer reading from {@code graph}. */
    public OnnxWeightImporter(OnnxGraph graph) {
        this.graph = graph;
        this.prefix = graph.initializers().containsKey("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        for (OnnxNode n : graph.nodes()) {
            for (String out : n.outputs()) {
                producers.put(out, n);
            }
        }
    }

    /** A source tensor for one parameter, and whether it must be transposed to DJL's (out, in). */
    public record Source(OnnxTensor tensor, boolean transpose) {
        /** The shape after any transposition. */
        public Shape shape() {
            long[] d = tensor.dims();
            return transpose ? new Shape(d[1], d[0]) : new Shape(d);
        }
    }

    /**
     * Finds the ONNX tensor behind each checkpoint name in {@code names}; names without one are left
     * out of the result.
     */
    public Map<String, Source> locate(Iterable<String> names) {
        Map<String, Source> found = new LinkedHashMap<>();
        for (String name : names) {
            locate(name).ifPresent(s -> found.put(name, s));
        }
        return found;
    }

    /** The ONNX tensor holding the checkpoint parameter {@code name}, if the graph has it. */
    public Optional<Source> locate(String name) {
        String full = prefix + name;
        Optional<OnnxTensor> named = graph.initializer(full);
        if (named.isPresent()) {
            return Optional.of(new Source(named.get(), isDenseWeight(name) && !isTransposedByGemm(full)));
        }
        if (isDenseWeight(name)) {
            String bias = full.substring(0, full.length() - "weight".length()) + "bias";
            return weightBehindBias(bias).map(t -> new Source(t, true));
        }
        return Optional.empty();
    }

    /**
     * Copies every parameter of {@code encoder} from the graph. The encoder must be initialized.
     *
     * @throws IllegalArgumentException naming every tensor that is missing or has the wrong shape
     */
    public void importInto(BertEncoder encoder) {
        List<String> problems = new ArrayList<>();
        Map<String, Parameter> targets = encoder.namedParameters();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : targets.entrySet()) {
            String name = e.getKey();
            Parameter parameter = e.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("Initialize the encoder before importing weights ('" + name + "' has no array)");
            }
            Shape expected = parameter.getArray().getShape();
            Optional<Source> source = locate(name);
            if (source.isEmpty()) {
                problems.add("missing tensor '" + name + "' " + expected);
                continue;
            }
            Source s = source.get();
            if (!s.shape().equals(expected)) {
                problems.add("tensor '" + name + "' (ONNX '" + s.tensor().name() + "') has shape " + s.shape()
                        + ", the encoder needs " + expected);
                continue;
            }
            float[] v = s.tensor().floats();
            values.put(name, s.transpose() ? transpose(v, (int) s.tensor().dims()[0], (int) s.tensor().dims()[1]) : v);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot import BERT weights (" + problems.size() + " problems):\n  "
                    + String.join("\n  ", problems));
        }
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            NDArray array = targets.get(e.getKey()).getArray();
            array.set(e.getValue());
        }
    }

    private static boolean isDenseWeight(String name) {
        return name.endsWith(".weight") && !name.contains("LayerNorm") && !name.contains("embeddings.");
    }

    /** True when the named weight feeds a Gemm with transB=1, which already stores it (out, in). */
    private boolean isTransposedByGemm(String weightName) {
        for (OnnxNode n : graph.consumersOf(weightName)) {
            if (n.opType().equals("Gemm") && n.inputs().size() > 1 && n.inputs().get(1).equals(weightName)) {
                return n.intAttribute("transB", 0) == 1;
            }
        }
        return false;
    }

    /** Follows bias → Add → MatMul → weight initializer. */
    private Optional<OnnxTensor> weightBehindBias(String biasName) {
        for (OnnxNode add : graph.consumersOf(biasName)) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            for (String input : add.inputs()) {
                OnnxNode producer = producers.get(input);
                if (producer != null && producer.opType().equals("MatMul")) {
                    for (String operand : producer.inputs()) {
                        Optional<OnnxTensor> w = graph.initializer(operand);
                        if (w.isPresent()) {
                            return w;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static float[] transpose(float[] v, int rows, int cols) {
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }
}
