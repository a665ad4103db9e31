package org.deepbrew.data.prep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;

import org.deepbrew.data.vision.ImageSet;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationTest {

    private static float[] ramp(int h, int w) {
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = (i % w) / (float) w;
        }
        return img;
    }

    @Test
    void flipMirrorsRowsAndCropShiftsWithZeroFill() {
        float[] img = ramp(4, 4);
        float[] out = new float[16];
        ImageAugmentation flip = Augmentations.horizontalFlip(0);
        boolean flipped = false;
        boolean kept = false;
        Random r = new Random(1);
        for (int t = 0; t < 20; t++) {
            flip.apply(img, 0, out, 0, 1, 4, 4, r);
            if (out[0] == img[3]) {
                flipped = true;
                assertEquals(img[0], out[3]);
            } else {
                kept = true;
                assertArrayEquals(img, out);
            }
        }
        assertTrue(flipped && kept, "flip happens about half the time");

        float[] ones = new float[16];
        java.util.Arrays.fill(ones, 1f);
        ImageAugmentation crop = Augmentations.randomCrop(1, 0);
        float total = 0;
        for (int t = 0; t < 50; t++) {
            crop.apply(ones, 0, out, 0, 1, 4, 4, r);
            float sum = 0;
            for (float v : out) {
                sum += v;
            }
            assertTrue(sum == 16 || sum == 12 || sum == 9, "shift by at most one pixel: " + sum);
            total += sum;
        }
        assertTrue(total < 50 * 16, "some crops shift the image");
    }

    @Test
    void rotationByZeroIsIdentityAndDjlTransformKeepsShapeAndIsSeeded() {
        float[] img = ramp(5, 5);
        float[] out = new float[25];
        Augmentations.rotation(0, 0).apply(img, 0, out, 0, 1, 5, 5, new Random(0));
        assertArrayEquals(img, out, 1e-6f);

        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(ramp(28, 28), new Shape(1, 28, 28));
            NDArray a = Augmentations.rotation(15, 42).transform(x);
            NDArray b = Augmentations.rotation(15, 42).transform(x);
            assertEquals(new Shape(1, 28, 28), a.getShape());
            assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        }
    }

    @Test
    void imageBatchesCoverEveryImageOncePerEpochAndRepeatWithTheSeed() {
        int n = 300;
        float[] pixels = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, i / (float) n);
        }
        ImageSet set = new ImageSet(pixels, labels, 1, 2, 2);
        ImageBatches batches = ImageBatches.of(set).batchSize(128).shuffle(5);
        assertEquals(3, batches.batchesPerEpoch());
        try (NDManager m = NDManager.newBaseManager()) {
            int[] seen = new int[n];
            float[] firstLabels = null;
            for (Batch b : batches.epoch(m, 0)) {
                float[] x = b.getData().head().toFloatArray();
                float[] y = b.getLabels().head().toFloatArray();
                if (firstLabels == null) {
                    firstLabels = y;
                }
                for (int k = 0; k < y.length; k++) {
                    int i = Math.round(x[k * 4] * n);
                    seen[i]++;
                    assertEquals(labels[i], (int) y[k], "label travels with its image");
                }
                b.close();
            }
            for (int s : seen) {
                assertEquals(1, s);
            }
            Batch again = batches.epoch(m, 0).iterator().next();
            assertArrayEquals(firstLabels, again.getLabels().head().toFloatArray());
            again.close();
        }
    }
}
