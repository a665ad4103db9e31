package org.deepbrew.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTuningTest {

    /** 70 arrays of assorted shapes (more than one multi_sum_sq chunk), the same values twice. */
    private static List<NDArray> gradients(NDManager manager) {
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            float[] v = new float[1 + (i * 37) % 500];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) Math.sin(i * 1000 + k) * (i % 5 + 1);
            }
            out.add(manager.create(v, new Shape(v.length)));
        }
        return out;
    }

    @Test
    void mxnetsOneCallNormAgreesWithThePlainOneAndADirectSum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertSame(MxNetTuning.INSTANCE, EngineTuning.of(manager), "these tests run on MXNet");
            List<NDArray> gradients = gradients(manager);
            double expected = 0;
            for (NDArray g : gradients) {
                for (float f : g.toFloatArray()) {
                    expected += (double) f * f;
                }
            }
            float fastNorm = MxNetTuning.INSTANCE.globalNorm(gradients);
            float plainNorm = PlainTuning.INSTANCE.globalNorm(gradients);
            assertEquals(Math.sqrt(expected), fastNorm, 1e-4 * Math.sqrt(expected));
            assertEquals(plainNorm, fastNorm, 1e-4 * plainNorm);
            assertEquals(0f, MxNetTuning.INSTANCE.globalNorm(List.of()));
        }
    }
}
