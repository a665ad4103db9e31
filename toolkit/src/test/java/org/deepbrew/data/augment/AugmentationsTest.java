package org.deepbrew.data.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class AugmentationsTest extends WithNDManager {
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
        NDArray y = Augmentations.affine(0, 0, 0, 1).apply(x);
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 1e-6f);
        assertEquals(x.getShape(), y.getShape());
    }

    @Test
    void everyImageGetsItsOwnWarpAndSeedsRepeat() {
        NDArray x = dots(1).repeat(0, 8);
        float[] a = Augmentations.affine(20, 0.2, 2, 42).apply(x).toFloatArray();
        float[] b = Augmentations.affine(20, 0.2, 2, 42).apply(x).toFloatArray();
        assertArrayEquals(a, b, 0f);
        int distinct = 0;
        for (int i = 1; i < 8; i++) {
            if (!Arrays.equals(Arrays.copyOfRange(a, 0, 81),
                    Arrays.copyOfRange(a, i * 81, (i + 1) * 81))) {
                distinct++;
            }
        }
        assertEquals(7, distinct, "identical inputs come out differently warped");
        Augmentation aug = Augmentations.affine(20, 0.2, 2, 42);
        assertFalse(Arrays.equals(aug.apply(x).toFloatArray(), aug.apply(x).toFloatArray()),
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
        NDArray plain = Augmentations.elastic(0, 0, 0, 0, 4, 3).apply(one);
        assertArrayEquals(pixels, plain.toFloatArray(), 1e-6f, "alpha 0 and no affine range is the identity");
        NDArray copies = one.repeat(0, 16);
        NDArray wobbly = Augmentations.elastic(0, 0, 0, 2, 4, 3).apply(copies);
        float[] w = wobbly.toFloatArray();
        assertFalse(Arrays.equals(copies.toFloatArray(), w));
        double inkBefore = copies.sum().getFloat();
        double inkAfter = wobbly.sum().getFloat();
        assertEquals(inkBefore, inkAfter, 0.15 * inkBefore, "a displacement of 2 px moves ink, it does not erase it");
        for (float v : w) {
            assertTrue(v >= 0 && v <= 1 + 1e-6f, "bilinear resampling stays within the input's range");
        }
    }

    @Test
    void rejectsBadRangesAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> Augmentations.affine(-1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Augmentations.affine(0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Augmentations.elastic(0, 0, 0, 1, 0, 1));
        NDArray flat = manager.zeros(new Shape(2, 81));
        assertThrows(IllegalArgumentException.class, () -> Augmentations.affine(5, 0, 0, 1).apply(flat));
    }

    /** A batch of {@code n} 1x4x4 images, each a ramp 0, 1/4, 2/4, 3/4 along every row. */
    private static NDArray ramps(int n) {
        float[] x = new float[n * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 4) / 4f;
        }
        return manager.create(x, new Shape(n, 1, 4, 4));
    }

    @Test
    void horizontalFlipMirrorsAboutHalfTheImagesAndKeepsTheRest() {
        NDArray x = ramps(64);
        float[] out = Augmentations.horizontalFlip(3).apply(x).toFloatArray();
        int flipped = 0;
        for (int i = 0; i < 64; i++) {
            float first = out[i * 16];
            assertTrue(first == 0f || first == 0.75f, "each image is either kept or mirrored");
            if (first == 0.75f) {
                flipped++;
                assertEquals(0f, out[i * 16 + 3]);
            }
        }
        assertTrue(flipped > 16 && flipped < 48, flipped + " of 64 mirrored");
    }

    @Test
    void randomCropShiftsEachImageByAtMostThePaddingWithZeroFill() {
        NDArray ones = manager.ones(new Shape(50, 1, 4, 4));
        float[] out = Augmentations.randomCrop(1, 0).apply(ones).toFloatArray();
        float total = 0;
        for (int i = 0; i < 50; i++) {
            float sum = 0;
            for (int p = 0; p < 16; p++) {
                sum += out[i * 16 + p];
            }
            assertTrue(sum == 16 || sum == 12 || sum == 9, "shift by at most one pixel: " + sum);
            total += sum;
        }
        assertTrue(total < 50 * 16, "some crops shift the image");
    }

    @Test
    void thenAppliesBothInOrderAndASeedRepeatsTheChain() {
        NDArray x = ramps(40);
        float[] a = Augmentations.rotation(15, 42).then(Augmentations.flipAndShift(1, 7)).apply(x).toFloatArray();
        float[] b = Augmentations.rotation(15, 42).then(Augmentations.flipAndShift(1, 7)).apply(x).toFloatArray();
        assertArrayEquals(a, b, 0f);
        float[] zero = Augmentations.rotation(0, 1).then(Augmentations.shift(0, 1)).apply(x).toFloatArray();
        assertArrayEquals(x.toFloatArray(), zero, 1e-6f, "a chain of no-ops leaves the batch alone");
        assertEquals("rotation(±15.0°) → shift(1 px)", Augmentations.rotation(15, 1).then(Augmentations.shift(1, 1)).toString());
    }

    @Test
    void imagesOfOneBatchDrawIndependently() {
        // Random(seed), Random(seed + 1), ... begin almost alike; each image must still get its own draw.
        double min = 1;
        double max = 0;
        for (int k = 0; k < 128; k++) {
            double first = PerImageAugmentation.imageRandom(123_456_789L, k).nextDouble();
            min = Math.min(min, first);
            max = Math.max(max, first);
        }
        assertTrue(max - min > 0.9, "first draws of a batch's images span only " + min + " .. " + max);
    }
}
