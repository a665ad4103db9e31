package org.deepbrew.deploy.prune;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.train.Predictions;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MagnitudePrunerTest extends WithNDManager {

    @Test
    void cubicScheduleValues() {
        SparsitySchedule s = SparsitySchedule.cubic(0.8, 0, 100);
        assertEquals(0.0, s.at(0), 1e-12);
        // 0.8 - 0.8 * (1 - t/100)^3, by hand
        assertEquals(0.8 - 0.8 * 0.421875, s.at(25), 1e-12);
        assertEquals(0.7, s.at(50), 1e-12);
        assertEquals(0.8, s.at(100), 1e-12);
        assertEquals(0.8, s.at(1000), 1e-12);
        SparsitySchedule late = new SparsitySchedule(0.2, 0.8, 10, 20);
        assertEquals(0.2, late.at(5), 1e-12);
        assertEquals(0.8 - 0.6 * 0.125, late.at(15), 1e-12);
        for (int t = 1; t <= 100; t++) {
            assertTrue(s.at(t) >= s.at(t - 1), "never decreases");
            assertTrue(s.at(t) - s.at(t - 1) <= s.at(1) - s.at(0) + 1e-12, "largest steps come first");
        }
        assertThrows(IllegalArgumentException.class, () -> SparsitySchedule.cubic(1.0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> SparsitySchedule.cubic(0.5, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new SparsitySchedule(0.6, 0.5, 0, 10));
    }

    @Test
    void maskZeroesExactlyTheSmallestMagnitudes() {
        float[] w = {0.5f, -0.1f, 0f, 2f, -0.3f, 0.1f};
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, MagnitudePruner.mask(w, 0.4), 0f);   // 2.4 -> 2 zeros
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, MagnitudePruner.mask(w, 0.65), 0f);  // 4 zeros, tie kept exact
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, MagnitudePruner.mask(w, 0.0), 0f);
    }

    @Test
    void fitReachesTheTargetAndPrunedWeightsStayZero() {
        try (Model m = Model.newInstance("pruned"); InMemoryDataset train = blobs(512, 1, 32);
             InMemoryDataset test = blobs(256, 2, 256)) {
            m.setBlock(Mlp.builder().hidden(32).outputs(2).build());
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build();
            Fit.of(m).optimizer(adam).train(train).epochs(1).seed(3).quiet().run(); // dense warm-up
            try (MagnitudePruner pruner = MagnitudePruner.of(m.getBlock(), SparsitySchedule.cubic(0.75, 0, 30))) {
                assertEquals(2, pruner.parameterNames().size(), pruner.parameterNames().toString());
                History h = Fit.of(m).optimizer(adam).listener(pruner).train(train).epochs(4).seed(4).quiet()
                        .validate(test).run();
                assertEquals(0.75, pruner.sparsity(), 0.01);
                for (String name : pruner.parameterNames()) {
                    float[] w = param(m, name).getArray().toFloatArray();
                    assertEquals(Math.round(0.75 * w.length), zeros(w), name);
                }
                assertTrue(h.last().valAccuracy() >= 0.95, "pruned 75% still separates the blobs: " + h.last());

                Map<String, float[]> before = weights(m, pruner);
                Fit.of(m).optimizer(adam).listener(pruner).train(train).epochs(2).seed(5).quiet().run();
                Map<String, float[]> after = weights(m, pruner);
                int moved = 0;
                for (String name : before.keySet()) {
                    float[] b = before.get(name);
                    float[] a = after.get(name);
                    for (int i = 0; i < b.length; i++) {
                        if (b[i] == 0f) {
                            assertTrue(a[i] == 0f, name + "[" + i + "] grew back: " + a[i]); // -0.0 counts as zero
                        } else if (a[i] != b[i]) {
                            moved++;
                        }
                    }
                }
                assertTrue(moved > 0, "the surviving weights kept training");

                // Without the masks, Adam's momentum would revive pruned weights: the re-masking is needed.
                Fit.of(m).optimizer(adam).train(train).epochs(1).seed(6).quiet().run();
                assertTrue(pruner.sparsity() < 0.7, "unmasked training refills: " + pruner.sparsity());
                assertTrue(Predictions.of(m, test).accuracy() > 0.9);
            }
        }
    }

    @Test
    void badChoiceIsNamed() {
        try (Model m = Model.newInstance("none")) {
            m.setBlock(Mlp.builder().hidden(4).outputs(2).build());
            m.getBlock().initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MagnitudePruner.of(m.getBlock(), SparsitySchedule.cubic(0.5, 0, 10), n -> false, 1));
            assertTrue(e.getMessage().contains("weight"), e.getMessage());
        }
    }

    private static Parameter param(Model m, String name) {
        for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue();
            }
        }
        throw new AssertionError(name);
    }

    private static Map<String, float[]> weights(Model m, MagnitudePruner pruner) {
        Map<String, float[]> out = new HashMap<>();
        for (String name : pruner.parameterNames()) {
            out.put(name, param(m, name).getArray().toFloatArray());
        }
        return out;
    }

    private static long zeros(float[] w) {
        long z = 0;
        for (float v : w) {
            z += v == 0f ? 1 : 0;
        }
        return z;
    }

    private static InMemoryDataset blobs(int n, long seed, int batch) {
        Random r = new Random(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double centre = c == 0 ? -1.5 : 1.5;
            x[2 * i] = (float) (centre + r.nextGaussian() * 0.6);
            x[2 * i + 1] = (float) (centre + r.nextGaussian() * 0.6);
            y[i] = c;
        }
        return InMemoryDataset.builder().batchSize(batch).seed(seed)
                .fromArrays(manager.create(x, new Shape(n, 2)), manager.create(y));
    }
}
