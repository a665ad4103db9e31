package org.deepbrew.deploy.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dynamic int8 quantisation of an ONNX graph's matrix products, the rewrite ONNX Runtime's own tools
 * make, written from Java.
 *
 * <p>Every {@code MatMul} (and {@code Gemm} without {@code transA}) whose weight is a constant 2-D float
 * initializer becomes
 * {@code DynamicQuantizeLinear(x) -> MatMulInteger(x_u8, w_s8) -> Cast(float) -> Mul(x_scale * w_scale)}
 * (then {@code + beta * C} for a Gemm). Weights are stored as symmetric int8 (zero point 0), one scale per
 * output column or one per tensor; activations are quantised to uint8 per call, which is the
 * u8 x s8 product VNNI CPUs multiply fastest. The weights shrink fourfold; other nodes are left as they are.
 *
 * <p>{@link #withEmbeddings()} also stores lookup tables as int8: every {@code Gather} along axis 0 from a
 * constant 2-D float initializer (BERT's word and token-type embeddings; the position table, sliced, stays fp32) becomes
 * {@code Gather(table_s8) -> Cast(float) -> Mul(Gather(row_scale))}, one scale per row. In a small BERT the
 * word embeddings hold as many bytes as all the dense layers together, so only with them does the
 * file shrink towards a quarter.
 *
 * <pre>{@code
 * OnnxModel int8 = DynamicQuantizer.perColumn().quantize(fp32);
 * OnnxModel smaller = DynamicQuantizer.perColumn().withEmbeddings().quantize(fp32);
 * }</pre>
 */
public final class DynamicQuantizer {
    /** How many scales a quantised weight gets. */
    public enum Granularity {
        /** One scale per output column: follows columns of very different ranges. */
        PER_COLUMN,
        /** One scale for the whole matrix. */
        PER_TENSOR
    }

    private final Granularity granularity;
    private final boolean embeddings;

    private DynamicQuantizer(Granularity granularity, boolean embeddings) {
        this.granularity = granularity;
        this.embeddings = embeddings;
    }

    /** A quantiser with one scale per output column (the default: better accuracy at the same size). */
    public static DynamicQuantizer perColumn() {
        return new DynamicQuantizer(Granularity.PER_COLUMN, false);
    }

    /** A quantiser with one scale per weight matrix. */
    public static DynamicQuantizer perTensor() {
        return new DynamicQuantizer(Granularity.PER_TENSOR, false);
    }

    /** The same quantiser that also stores constant lookup tables ({@code Gather} on axis 0) as int8, per row. */
    public DynamicQuantizer withEmbeddings() {
        return new DynamicQuantizer(granularity, true);
    }

    /** Whether lookup tables are quantised too. */
    public boolean quantizesEmbeddings() {
        return embeddings;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** The model with its constant-weight matrix products in int8; {@code model} is not changed. */
    public OnnxModel quantize(OnnxModel model) {
        Map<String, Initializer> weights = model.initializers();
        OnnxModel.Builder out = model.toBuilder();
        List<Node> nodes = new ArrayList<>();
        Set<String> quantised = new HashSet<>();
        int count = 0;
        for (Node n : model.nodes()) {
            Initializer w = n.inputs().size() >= 2 ? weights.get(n.inputs().get(1)) : null;
            boolean matMul = n.opType().equals("MatMul");
            boolean gemm = n.opType().equals("Gemm") && longAttribute(n, "transA", 0) == 0;
            if ((matMul || gemm) && w != null && w.type() == ElementType.FLOAT && w.dims().length == 2) {
                boolean transposed = gemm && longAttribute(n, "transB", 0) == 1;
                float alpha = gemm ? floatAttribute(n, "alpha", 1f) : 1f;
                rewrite(n, w, transposed, alpha, "q" + count++, out, nodes);
                quantised.add(w.name());
            } else if (embeddings && isTableLookup(n, weights)) {
                Initializer table = weights.get(n.inputs().get(0));
                rewriteLookup(n, table, "q" + count++, out, nodes);
                quantised.add(table.name());
            } else {
                nodes.add(n);
            }
        }
        // A float weight that only quantised products read is no longer needed.
        Set<String> stillRead = new HashSet<>();
        nodes.forEach(n -> stillRead.addAll(n.inputs()));
        model.outputs().forEach(o -> stillRead.add(o.name()));
        for (String name : quantised) {
            if (!stillRead.contains(name)) {
                out.removeInitializer(name);
            }
        }
        return out.nodes(nodes).build();
    }

    private void rewrite(Node n, Initializer weight, boolean transposed, float alpha, String p,
                         OnnxModel.Builder out, List<Node> nodes) {
        long[] dims = weight.dims();
        int rows = (int) (transposed ? dims[1] : dims[0]);   // K
        int cols = (int) (transposed ? dims[0] : dims[1]);   // N
        float[] w = weight.floatValues();
        float[] kn = new float[rows * cols];
        for (int k = 0; k < rows; k++) {
            for (int c = 0; c < cols; c++) {
                kn[k * cols + c] = transposed ? w[c * rows + k] : w[k * cols + c];
            }
        }
        int scales = granularity == Granularity.PER_COLUMN ? cols : 1;
        float[] scale = new float[scales];
        for (int k = 0; k < rows; k++) {
            for (int c = 0; c < cols; c++) {
                int s = scales == 1 ? 0 : c;
                scale[s] = Math.max(scale[s], Math.abs(kn[k * cols + c]));
            }
        }
        for (int s = 0; s < scales; s++) {
            // An all-zero column keeps scale 1 so nothing divides by zero; its int8 values are 0 anyway.
            scale[s] = scale[s] == 0 ? 1f : scale[s] / 127f;
        }
        byte[] q = new byte[rows * cols];
        for (int k = 0; k < rows; k++) {
            for (int c = 0; c < cols; c++) {
                float v = kn[k * cols + c] / scale[scales == 1 ? 0 : c];
                q[k * cols + c] = (byte) Math.max(-127, Math.min(127, Math.round(v)));
            }
        }
        float[] outputScale = new float[scales];
        for (int s = 0; s < scales; s++) {
            outputScale[s] = scale[s] * alpha;
        }
        String x = n.inputs().get(0);
        String y = n.outputs().get(0);
        out.initializer(Initializer.bytes(p + "_w", ElementType.INT8, q, rows, cols));
        out.initializer(scales == 1
                ? Initializer.bytes(p + "_w_zero", ElementType.INT8, new byte[1])
                : Initializer.bytes(p + "_w_zero", ElementType.INT8, new byte[cols], cols));
        out.initializer(scales == 1
                ? Initializer.floats(p + "_w_scale", outputScale)
                : Initializer.floats(p + "_w_scale", outputScale, cols));
        nodes.add(Node.of("DynamicQuantizeLinear", p + "_quantize", List.of(x),
                List.of(p + "_x", p + "_x_scale", p + "_x_zero")));
        nodes.add(Node.of("MatMulInteger", p + "_matmul", List.of(p + "_x", p + "_w", p + "_x_zero", p + "_w_zero"),
                List.of(p + "_int32")));
        nodes.add(new Node("Cast", p + "_cast", List.of(p + "_int32"), List.of(p + "_float"),
                Map.of("to", (long) ElementType.FLOAT.code())));
        nodes.add(Node.of("Mul", p + "_scale", List.of(p + "_x_scale", p + "_w_scale"), List.of(p + "_scales")));
        boolean hasBias = n.opType().equals("Gemm") && n.inputs().size() >= 3 && !n.inputs().get(2).isEmpty();
        String product = hasBias ? p + "_product" : y;
        nodes.add(Node.of("Mul", p + "_rescale", List.of(p + "_float", p + "_scales"), List.of(product)));
        if (hasBias) {
            float beta = floatAttribute(n, "beta", 1f);
            String bias = n.inputs().get(2);
            if (beta != 1f) {
                out.initializer(Initializer.floats(p + "_beta", new float[] {beta}));
                nodes.add(Node.of("Mul", p + "_beta_bias", List.of(bias, p + "_beta"), List.of(p + "_bias")));
                bias = p + "_bias";
            }
            nodes.add(Node.of("Add", p + "_add_bias", List.of(product, bias), List.of(y)));
        }
    }

    private static boolean isTableLookup(Node n, Map<String, Initializer> weights) {
        if (!n.opType().equals("Gather") || n.inputs().size() != 2 || longAttribute(n, "axis", 0) != 0) {
            return false;
        }
        Initializer table = weights.get(n.inputs().get(0));
        return table != null && table.type() == ElementType.FLOAT && table.dims().length == 2;
    }

    /** {@code Gather(table, ids)} as int8 rows times their gathered scales, one symmetric scale per row. */
    private static void rewriteLookup(Node n, Initializer table, String p, OnnxModel.Builder out, List<Node> nodes) {
        int rows = (int) table.dims()[0];
        int cols = (int) table.dims()[1];
        float[] t = table.floatValues();
        float[] scale = new float[rows];
        byte[] q = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, Math.abs(t[r * cols + c]));
            }
            scale[r] = max == 0 ? 1f : max / 127f;
            for (int c = 0; c < cols; c++) {
                q[r * cols + c] = (byte) Math.max(-127, Math.min(127, Math.round(t[r * cols + c] / scale[r])));
            }
        }
        String ids = n.inputs().get(1);
        out.initializer(Initializer.bytes(p + "_table", ElementType.INT8, q, rows, cols));
        // [rows, 1], so the gathered scales broadcast over the hidden axis without an Unsqueeze.
        out.initializer(Initializer.floats(p + "_row_scale", scale, rows, 1));
        nodes.add(Node.of("Gather", p + "_gather", List.of(p + "_table", ids), List.of(p + "_rows")));
        nodes.add(Node.of("Gather", p + "_gather_scale", List.of(p + "_row_scale", ids), List.of(p + "_scales")));
        nodes.add(new Node("Cast", p + "_cast", List.of(p + "_rows"), List.of(p + "_float"),
                Map.of("to", (long) ElementType.FLOAT.code())));
        nodes.add(Node.of("Mul", p + "_rescale", List.of(p + "_float", p + "_scales"), n.outputs()));
    }

    private static long longAttribute(Node n, String name, long fallback) {
        Object v = n.attributes().get(name);
        return v == null ? fallback : ((Number) v).longValue();
    }

    private static float floatAttribute(Node n, String name, float fallback) {
        Object v = n.attributes().get(name);
        return v == null ? fallback : ((Number) v).floatValue();
    }
}
