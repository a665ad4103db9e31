package org.deepbrew.deploy.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.deepbrew.nlp.onnx.OnnxGraph;
import org.deepbrew.nlp.onnx.OnnxNode;
import org.junit.jupiter.api.Test;

class OnnxModelTest {
    // y = softmax(x W + b) and z = 2 * x V^T (Gemm with transB and alpha), checked by hand below.
    private static final float[] W = {1, -1, 0.5f, 2, -0.25f, 0};   // 3 x 2
    private static final float[] B = {0.1f, -0.2f};
    private static final float[] V = {1, 0, 2, 0, -1, 3};          // 2 x 3, used transposed

    private static OnnxModel model() {
        return OnnxModel.builder()
                .input("x", ElementType.FLOAT, "batch", 3L)
                .initializer(Initializer.floats("w", W, 3, 2))
                .initializer(Initializer.floats("b", B, 2))
                .initializer(Initializer.floats("v", V, 2, 3))
                .node("MatMul", List.of("x", "w"), List.of("xw"))
                .node("Add", List.of("xw", "b"), List.of("logits"))
                .node("Softmax", List.of("logits"), List.of("y"), Map.of("axis", -1L))
                .node("Gemm", List.of("x", "v"), List.of("z"), Map.of("transB", 1L, "alpha", 2.0f))
                .output("y", ElementType.FLOAT, "batch", 2L)
                .output("z", ElementType.FLOAT, "batch", 2L)
                .build();
    }

    @Test
    void onnxRuntimeComputesTheWrittenGraph() throws Exception {
        float[][] x = {{1, 2, 3}, {-1, 0.5f, 4}};
        float[][] y = OrtRunner.run(model(), "x", x);
        for (int r = 0; r < x.length; r++) {
            double[] logit = new double[2];
            for (int c = 0; c < 2; c++) {
                logit[c] = B[c];
                for (int k = 0; k < 3; k++) {
                    logit[c] += x[r][k] * W[k * 2 + c];
                }
            }
            double max = Math.max(logit[0], logit[1]);
            double e0 = Math.exp(logit[0] - max);
            double e1 = Math.exp(logit[1] - max);
            assertEquals(e0 / (e0 + e1), y[r][0], 1e-6);
            assertEquals(e1 / (e0 + e1), y[r][1], 1e-6);
        }
    }

    @Test
    void readerSeesNodesAttributesAndWeights() {
        OnnxGraph graph = OnnxGraph.parse(ByteBuffer.wrap(model().toByteArray()), "test");
        assertEquals(List.of("MatMul", "Add", "Softmax", "Gemm"),
                graph.nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(List.of("x"), graph.inputs());
        assertEquals(List.of("y", "z"), graph.outputs());
        OnnxNode gemm = graph.nodes().get(3);
        assertEquals(1L, gemm.intAttribute("transB", 0));
        assertEquals(-1L, graph.nodes().get(2).intAttribute("axis", 0));
        assertArrayEquals(W, graph.initializer("w").orElseThrow().floats());
        assertArrayEquals(new long[] {2, 3}, graph.initializer("v").orElseThrow().dims());
    }

    @Test
    void gemmFloatAttributeReachesTheRuntime() throws Exception {
        // Only the Gemm output: z = alpha * x V^T with alpha = 2 proves the float attribute was encoded.
        OnnxModel withZFirst = OnnxModel.builder()
                .input("x", ElementType.FLOAT, "batch", 3L)
                .initializer(Initializer.floats("v", V, 2, 3))
                .node(model().nodes().get(3))
                .output("z", ElementType.FLOAT, "batch", 2L)
                .build();
        float[][] z = OrtRunner.run(withZFirst, "x", new float[][] {{1, 2, 3}});
        assertEquals(2 * (1 * 1 + 2 * 0 + 3 * 2), z[0][0], 1e-5);
        assertEquals(2 * (1 * 0 + 2 * -1 + 3 * 3), z[0][1], 1e-5);
    }

    @Test
    void undefinedInputsAndBadShapesAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OnnxModel.builder()
                .input("x", ElementType.FLOAT, "batch", 3L)
                .node("Relu", List.of("nowhere"), List.of("y"))
                .output("y", ElementType.FLOAT, "batch", 3L)
                .build());
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Initializer.floats("w", new float[5], 2, 3));
        assertTrue(shape.getMessage().contains("'w'") && shape.getMessage().contains("6"), shape.getMessage());
    }
}
