package org.deepbrew.deploy.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class NeuronPruningTest extends WithNDManager {
    private static final Set<Integer> DEAD = Set.of(1, 4, 5, 9, 12, 15);

    private static Block mlp(NDManager m) {
        Block b = Mlp.builder().hidden(16, 8).outputs(3).build();
        b.initialize(m, DataType.FLOAT32, new Shape(1, 5));
        return b;
    }

    private static List<Linear> linears(Block b) {
        List<Linear> out = new ArrayList<>();
        b.getChildren().values().forEach(c -> {
            if (c instanceof Linear l) {
                out.add(l);
            }
        });
        return out;
    }

    /** Zeroes the next layer's columns for the DEAD units of the first hidden layer. */
    private static void silence(Block b) {
        NDArray w = linears(b).get(1).getParameters().get("weight").getArray();
        float[] v = w.toFloatArray();
        int units = (int) w.getShape().get(1);
        for (int o = 0; o < w.getShape().get(0); o++) {
            for (int u : DEAD) {
                v[o * units + u] = 0f;
            }
        }
        w.set(FloatBuffer.wrap(v));
    }

    private static float[] forward(Block b, NDArray x) {
        return b.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void removingUnitsThatContributeNothingKeepsTheOutputs() {
        try (NDManager m = manager.newSubManager()) {
            Block full = mlp(m);
            silence(full);
            NDArray x = m.randomNormal(new Shape(20, 5));
            SequentialBlock small = NeuronPruning.prune(full, 0, 10, m);
            assertEquals(new Shape(10, 5), linears(small).get(0).getParameters().get("weight").getArray().getShape());
            assertEquals(new Shape(8, 10), linears(small).get(1).getParameters().get("weight").getArray().getShape());
            assertArrayEquals(forward(full, x), forward(small, x), 1e-5f);
            assertEquals(16 * 5 + 16 + 8 * 16 + 8 + 3 * 8 + 3 - 6 * (5 + 1 + 8), parameters(small));

            int[] kept = NeuronPruning.mostImportant(linears(full).get(1).getParameters().get("weight").getArray(), 10);
            for (int u : kept) {
                assertFalse(DEAD.contains(u), "kept silent unit " + u);
            }
            // Cutting deeper removes live units: the outputs change, so the equality above was no accident.
            SequentialBlock smaller = NeuronPruning.prune(full, 0, 6, m);
            float[] a = forward(full, x);
            float[] c = forward(smaller, x);
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - c[i]));
            }
            assertTrue(diff > 1e-3, "max |diff| " + diff);
        }
    }

    @Test
    void badInputIsNamed() {
        try (NDManager m = manager.newSubManager()) {
            Block full = mlp(m);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> NeuronPruning.prune(full, 2, 4, m))
                    .getMessage().contains("2 hidden layers"));
            assertThrows(IllegalArgumentException.class, () -> NeuronPruning.prune(full, 0, 17, m));
            assertThrows(IllegalArgumentException.class,
                    () -> NeuronPruning.prune(Mlp.builder().hidden(4).outputs(2).build(), 0, 2, m));
        }
    }

    private static long parameters(Block b) {
        long n = 0;
        for (var p : b.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
