package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder as one engine graph ({@link org.deepbrew.engine.EncoderGraph}) against the same
 * blocks run op by op: same outputs, same gradients on every parameter, padding and all.
 */
class BertGraphTest {
    /** 2 layers, hidden 32, 4 heads, with a pooler, no dropout: both paths are deterministic. */
    private static final BertConfig CONFIG = new BertConfig(50, 32, 2, 4, 64, 16, 2, 1e-12f, 0f, true);

    @Test
    void graphComputesTheSameOutputsAndGradientsAsOpByOp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            BertClassifier classifier = new BertClassifier(new BertEncoder(CONFIG), 3, Pooling.MEAN);
            classifier.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            classifier.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
            for (Pair<String, Parameter> p : classifier.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            for (int length : new int[] {9, 5}) { // the graph meets a second shape too
                NDList inputs = inputs(manager, 3, length, length - 3); // two sequences padded
                NDArray weights = manager.randomNormal(new Shape(3, 3));

                Result graph = run(classifier, manager, inputs, weights, true);
                assertTrue(classifier.encoder().ranAsGraph(), "MXNet runs the encoder as one graph");
                Result reference = run(classifier, manager, inputs, weights, false);

                assertClose(reference.logits, graph.logits, 1e-4f, "logits, length " + length);
                assertClose(reference.hidden, graph.hidden, 1e-4f, "hidden states, length " + length);
                assertClose(reference.pooled, graph.pooled, 1e-4f, "pooler, length " + length);
                assertEquals(reference.gradients.keySet(), graph.gradients.keySet());
                for (Map.Entry<String, float[]> g : reference.gradients.entrySet()) {
                    float[] ours = graph.gradients.get(g.getKey());
                    assertNotNull(ours, g.getKey());
                    assertClose(g.getValue(), ours, 1e-3f, "gradient of " + g.getKey() + ", length " + length);
                }
                // Not vacuous: the loss reaches every layer, the pooler aside (MEAN pooling skips it).
                float[] queryGradient = reference.gradients.get("encoder.layer.0.attention.self.query.weight");
                assertTrue(maxAbs(queryGradient) > 1e-6, "first layer's query gets a gradient");
            }
        }
    }

    @Test
    void dropoutRunsOnlyWhileTraining() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = new BertEncoder(CONFIG.withDropout(0.5f));
            encoder.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            encoder.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
            NDList inputs = inputs(manager, 2, 6, 4);
            ParameterStore ps = new ParameterStore(manager, false);
            float[] a = encoder.forward(ps, inputs, false).get(0).toFloatArray();
            float[] b = encoder.forward(ps, inputs, false).get(0).toFloatArray();
            assertArrayEquals(a, b, "inference is deterministic");
            encoder.setFastPath(false);
            assertClose(encoder.forward(ps, inputs, false).get(0).toFloatArray(), a, 1e-4f, "inference, op by op");
            encoder.setFastPath(true);
            float[] trained;
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                trained = encoder.forward(ps, inputs, true).get(0).toFloatArray();
            }
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - trained[i]));
            }
            assertTrue(diff > 1e-2, "dropout at 0.5 changes the training forward pass");
            float[] afterwards = encoder.forward(ps, inputs, false).get(0).toFloatArray();
            assertArrayEquals(a, afterwards, "inference after training is deterministic again");
        }
    }

    @Test
    void maskWithHolesRunsAsGraphWithTheSameOutputsAsOpByOp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = new BertEncoder(CONFIG);
            encoder.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            encoder.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
            NDList inputs = inputs(manager, 2, 6, 6);
            int[] holes = {1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0};
            inputs.set(2, manager.create(holes, new Shape(2, 6)));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] fast = encoder.forward(ps, inputs, false).get(0).toFloatArray();
            assertTrue(encoder.ranAsGraph(), "the additive attention bias takes any 0/1 mask");
            encoder.setFastPath(false);
            float[] reference = encoder.forward(ps, inputs, false).get(0).toFloatArray();
            assertClose(reference, fast, 1e-4f, "padding inside the sequence");
        }
    }

    private record Result(float[] logits, float[] hidden, float[] pooled, Map<String, float[]> gradients) {}

    private static Result run(BertClassifier classifier, NDManager manager, NDList inputs, NDArray weights, boolean fast) {
        classifier.encoder().setFastPath(fast);
        ParameterStore ps = new ParameterStore(manager, false);
        float[] logits;
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray out = classifier.forward(ps, inputs, true).head();
            logits = out.toFloatArray();
            gc.backward(out.mul(weights).sum());
        }
        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : classifier.encoder().namedParameters().entrySet()) {
            gradients.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
        }
        NDList encoded = classifier.encoder().forward(ps, inputs, false);
        classifier.encoder().setFastPath(true);
        return new Result(logits, encoded.get(0).toFloatArray(), encoded.get(1).toFloatArray(), gradients);
    }

    /** Random ids and types; the first sequence full, the others padded after {@code real} tokens. */
    private static NDList inputs(NDManager manager, int batch, int length, int real) {
        Random random = new Random(length);
        int[] ids = new int[batch * length];
        int[] types = new int[batch * length];
        int[] mask = new int[batch * length];
        for (int b = 0; b < batch; b++) {
            int n = b == 0 ? length : real;
            for (int t = 0; t < length; t++) {
                int i = b * length + t;
                mask[i] = t < n ? 1 : 0;
                ids[i] = t < n ? 1 + random.nextInt(CONFIG.vocabularySize() - 1) : 0;
                types[i] = t < n / 2 ? 0 : 1;
            }
        }
        Shape s = new Shape(batch, length);
        return new NDList(manager.create(ids, s), manager.create(types, s), manager.create(mask, s));
    }

    private static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": sizes");
        float scale = Math.max(1f, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance * scale) {
                throw new AssertionError(what + ": at " + i + " expected " + expected[i] + " got " + actual[i]
                        + " (tolerance " + tolerance * scale + ")");
            }
        }
    }

    private static float maxAbs(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
