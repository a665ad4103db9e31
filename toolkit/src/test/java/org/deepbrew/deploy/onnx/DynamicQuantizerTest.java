package org.deepbrew.deploy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DynamicQuantizerTest {
    private static final int IN = 64;
    private static final int HIDDEN = 128;
    private static final int CLASSES = 8;

    /** A two-layer MLP: MatMul + Add + Relu, then a Gemm with transB, bias and alpha, then Softmax. */
    private static OnnxModel mlp(Random random) {
        float[] w1 = gaussian(random, IN * HIDDEN, 0.15f);
        return OnnxModel.builder()
                .input("x", ElementType.FLOAT, "batch", (long) IN)
                .initializer(Initializer.floats("w1", w1, IN, HIDDEN))
                .initializer(Initializer.floats("b1", gaussian(random, HIDDEN, 0.1f), HIDDEN))
                .initializer(Initializer.floats("w2", gaussian(random, CLASSES * HIDDEN, 0.1f), CLASSES, HIDDEN))
                .initializer(Initializer.floats("b2", gaussian(random, CLASSES, 0.1f), CLASSES))
                .node("MatMul", List.of("x", "w1"), List.of("h0"))
                .node("Add", List.of("h0", "b1"), List.of("h1"))
                .node("Relu", List.of("h1"), List.of("h"))
                .node("Gemm", List.of("h", "w2", "b2"), List.of("logits"),
                        Map.of("transB", 1L, "alpha", 0.5f, "beta", 2.0f))
                .node("Softmax", List.of("logits"), List.of("p"), Map.of("axis", -1L))
                .output("p", ElementType.FLOAT, "batch", (long) CLASSES)
                .build();
    }

    private static float[] gaussian(Random random, int n, float std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * std;
        }
        return v;
    }

    private static float[][] inputs(Random random, int rows) {
        float[][] x = new float[rows][];
        for (int r = 0; r < rows; r++) {
            x[r] = gaussian(random, IN, 1f);
        }
        return x;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                max = Math.max(max, Math.abs(a[r][c] - b[r][c]));
            }
        }
        return max;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void int8ModelAgreesWithFloatAndIsFourTimesSmaller() throws Exception {
        Random random = new Random(7);
        OnnxModel fp32 = mlp(random);
        OnnxModel int8 = DynamicQuantizer.perColumn().quantize(fp32);

        List<String> ops = int8.nodes().stream().map(Node::opType).toList();
        assertFalse(ops.contains("MatMul") || ops.contains("Gemm"), ops.toString());
        assertEquals(2, ops.stream().filter("MatMulInteger"::equals).count());
        assertFalse(int8.initializers().containsKey("w1"), "the float weight is dropped once quantised");

        long fp32Weights = (long) (IN * HIDDEN + CLASSES * HIDDEN) * 4;
        long int8Weights = int8.weightBytes() - (HIDDEN + CLASSES) * 4L;   // less the float biases
        assertTrue(int8Weights < fp32Weights / 3.5, int8Weights + " vs " + fp32Weights);

        float[][] x = inputs(random, 200);
        float[][] expected = OrtRunner.run(fp32, "x", x);
        float[][] actual = OrtRunner.run(int8, "x", x);
        assertTrue(maxDifference(expected, actual) < 0.03, "max probability difference " + maxDifference(expected, actual));
        int agree = 0;
        for (int r = 0; r < x.length; r++) {
            agree += argmax(expected[r]) == argmax(actual[r]) ? 1 : 0;
        }
        assertTrue(agree >= 194, agree + " of 200 predictions agree");
    }

    @Test
    void perColumnScalesFollowUnevenColumnsBetterThanOneScale() throws Exception {
        // One product y = x W whose columns differ 40-fold in range: one scale per tensor leaves the
        // small columns only a few int8 levels, one scale per column gives each all 255.
        Random random = new Random(11);
        float[] w = gaussian(random, IN * HIDDEN, 0.1f);
        for (int k = 0; k < IN; k++) {
            for (int c = 0; c < HIDDEN; c++) {
                w[k * HIDDEN + c] *= (c % 8 == 0) ? 20f : 0.5f;
            }
        }
        OnnxModel fp32 = OnnxModel.builder()
                .input("x", ElementType.FLOAT, "batch", (long) IN)
                .initializer(Initializer.floats("w", w, IN, HIDDEN))
                .node("MatMul", List.of("x", "w"), List.of("y"))
                .output("y", ElementType.FLOAT, "batch", (long) HIDDEN)
                .build();
        float[][] x = inputs(random, 100);
        float[][] expected = OrtRunner.run(fp32, "x", x);
        double perColumn = meanSmallColumnError(expected,
                OrtRunner.run(DynamicQuantizer.perColumn().quantize(fp32), "x", x));
        double perTensor = meanSmallColumnError(expected,
                OrtRunner.run(DynamicQuantizer.perTensor().quantize(fp32), "x", x));
        assertTrue(perColumn < perTensor / 2, "per column " + perColumn + ", per tensor " + perTensor);
    }

    private static double meanSmallColumnError(float[][] expected, float[][] actual) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < HIDDEN; c++) {
                if (c % 8 != 0) {
                    sum += Math.abs(expected[r][c] - actual[r][c]);
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void leavesNonConstantProductsAlone() {
        OnnxModel model = OnnxModel.builder()
                .input("a", ElementType.FLOAT, "batch", 4L)
                .input("b", ElementType.FLOAT, 4L, 4L)
                .node("MatMul", List.of("a", "b"), List.of("y"))
                .output("y", ElementType.FLOAT, "batch", 4L)
                .build();
        assertEquals(List.of("MatMul"),
                DynamicQuantizer.perColumn().quantize(model).nodes().stream().map(Node::opType).toList());
    }

    @Test
    void withEmbeddingsLookupTablesBecomeInt8RowsWithinHalfAStep() throws Exception {
        Random random = new Random(11);
        int vocabulary = 500;
        int width = 48;
        float[] table = gaussian(random, vocabulary * width, 0.05f);
        table[7 * width + 3] = 1.5f; // one outlier: only its own row's scale grows
        OnnxModel fp32 = OnnxModel.builder()
                .input("ids", ElementType.INT64, "n")
                .initializer(Initializer.floats("words", table, vocabulary, width))
                .node("Gather", List.of("words", "ids"), List.of("rows"))
                .output("rows", ElementType.FLOAT, "n", (long) width)
                .build();
        assertEquals(List.of("Gather"), DynamicQuantizer.perColumn().quantize(fp32).nodes().stream()
                .map(Node::opType).toList(), "without withEmbeddings lookups stay float");
        OnnxModel int8 = DynamicQuantizer.perColumn().withEmbeddings().quantize(fp32);
        assertTrue(int8.initializers().values().stream().noneMatch(i -> i.type() == ElementType.FLOAT && i.dims().length == 2
                && i.dims()[1] == width), "the float table is gone");
        assertTrue(int8.toByteArray().length < fp32.toByteArray().length * 0.3, // a quarter, plus one float scale per 48-wide row
                int8.toByteArray().length + " vs " + fp32.toByteArray().length);

        long[] ids = {0, 7, 499, 7, 250};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] rows;
        try (OrtSession session = env.createSession(int8.toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, ids);
             OrtSession.Result result = session.run(Map.of("ids", tensor))) {
            rows = (float[][]) result.get(0).getValue();
        }
        for (int r = 0; r < ids.length; r++) {
            int id = (int) ids[r];
            float max = 0;
            for (int c = 0; c < width; c++) {
                max = Math.max(max, Math.abs(table[id * width + c]));
            }
            float halfStep = max / 127f / 2 + 1e-7f;
            for (int c = 0; c < width; c++) {
                assertEquals(table[id * width + c], rows[r][c], halfStep, "row " + id + " column " + c);
            }
        }
        assertEquals(1.5f, rows[1][3], 1e-6f);
    }
}
