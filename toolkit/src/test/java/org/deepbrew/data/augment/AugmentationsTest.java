package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class AugmentTest extends WithNDManager {

    /** Batch of {@code n} 1x9x9 images, each a single bright pixel at (row 4, column 2 + i % 3). */
    private static NDArray dots(int n) {
        float[] x = new float[n * 81];
        for (int i = 0; i < n; i++) {
            x[i * 81 + 4 * 9 + 2 + i % 3] = 1f;
        }
        return manager.create(x, new Shape(n, 1, 9, 9));
    }

    @Test
    void affineWithNoRangeLeavesImagesAlone() {
        NDArray x = dots(4);
        NDArray y = Augment.affine(0, 0, 0, 1).apply(x);
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 1e-6f);
        assertEquals(x.getShape(), y.getShape());
    }

    @Test
    void everyImageGetsItsOwnWarpAndSeedsRepeat() {
        NDArray x = dots(1).repeat(0, 8);
        float[] a = Augment.affine(20, 0.2, 2, 42).apply(x).toFloatArray();
        float[] b = Augment.affine(20, 0.2, 2, 42).apply(x).toFloatArray();
        assertArrayEquals(a, b, 0f);
        int distinct = 0;
        for (int i = 1; i < 8; i++) {
            if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(a, 0, 81),
                    java.util.Arrays.copyOfRange(a, i * 81, (i + 1) * 81))) {
                distinct++;
            }
        }
        assertEquals(7, distinct, "identical inputs come out differently warped");
        UnaryOperator<NDArray> aug = Augment.affine(20, 0.2, 2, 42);
        assertFalse(java.util.Arrays.equals(aug.apply(x).toFloatArray(), aug.apply(x).toFloatArray()),
                "the next batch draws new warps");
    }

    @Test
    void elasticDistortsSmoothlyAndKeepsInk() {
        float[] pixels = new float[28 * 28];
        for (int y = 6; y < 22; y++) {
            for (int x = 12; x < 16; x++) {
                pixels[y * 28 + x] = 1f; // a thick vertical bar, a "1"
            }
        }
        NDArray one = manager.create(pixels, new Shape(1, 1, 28, 28));
        NDArray plain = Augment.elastic(0, 0, 0, 0, 4, 3).apply(one);
        assertArrayEquals(pixels, plain.toFloatArray(), 1e-6f, "alpha 0 and no affine range is the identity");
        NDArray wobbly = Augment.elastic(0, 0, 0, 2, 4, 3).apply(one);
        float[] w = wobbly.toFloatArray();
        assertFalse(java.util.Arrays.equals(pixels, w));
        double inkBefore = one.sum().getFloat();
        double inkAfter = wobbly.sum().getFloat();
        assertEquals(inkBefore, inkAfter, 0.15 * inkBefore, "a displacement of 2 px moves ink, it does not erase it");
        for (float v : w) {
            assertTrue(v >= 0 && v <= 1 + 1e-6f, "bilinear resampling stays within the input's range");
        }
    }

    @Test
    void rejectsBadRangesAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> Augment.affine(-1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Augment.affine(0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Augment.elastic(0, 0, 0, 1, 0, 1));
        NDArray flat = manager.zeros(new Shape(2, 81));
        assertThrows(IllegalArgumentException.class, () -> Augment.affine(5, 0, 0, 1).apply(flat));
    }
}
