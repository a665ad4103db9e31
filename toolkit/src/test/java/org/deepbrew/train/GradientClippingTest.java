package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GradientClippingTest {

    /** Gradients of sum(3 x W) for a 1-in, 4-out layer without bias: each weight's gradient is 3, norm 6. */
    private static float[] clipAndRead(NDManager manager, double maxNorm, float[] normBefore) {
        Linear block = Linear.builder().setUnits(4).optBias(false).build();
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1));
        NDArray x = manager.create(new float[] {3f}, new Shape(1, 1));
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDList y = block.forward(new ParameterStore(manager, false), new NDList(x), true);
            gc.backward(y.head().sum());
        }
        normBefore[0] = GradientClipping.clipGlobalNorm(block, maxNorm);
        return block.getParameters().get(0).getValue().getArray().getGradient().toFloatArray();
    }

    @Test
    void scalesTheWholeGradientToTheLimitAndLeavesSmallOnesAlone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] norm = new float[1];
            float[] clipped = clipAndRead(manager, 1.5, norm);
            assertEquals(6f, norm[0], 1e-5f);
            assertArrayEquals(new float[] {0.75f, 0.75f, 0.75f, 0.75f}, clipped, 1e-5f);

            float[] untouched = clipAndRead(manager, 10, norm);
            assertArrayEquals(new float[] {3f, 3f, 3f, 3f}, untouched, 1e-6f);
            assertThrows(IllegalArgumentException.class,
                    () -> GradientClipping.clipGlobalNorm(Linear.builder().setUnits(1).build(), 0));
        }
    }
}
