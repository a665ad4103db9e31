package org.deepbrew.data.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.Record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionMnistTest {

    @Test
    void trainAndTestHaveTheRealCountsBalancedClassesAndUnitPixels() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist train = Prepared.part(FashionMnist.builder(), Dataset.Usage.TRAIN, manager, 128, true);
            FashionMnist test = Prepared.part(FashionMnist.builder(), Dataset.Usage.TEST, manager, 128, false);
            assertEquals(60_000, train.size());
            assertEquals(10_000, test.size());
            int[] trainCounts = train.images().classCounts(10);
            int[] testCounts = test.images().classCounts(10);
            for (int c = 0; c < 10; c++) {
                assertEquals(6_000, trainCounts[c], "train images of class " + c);
                assertEquals(1_000, testCounts[c], "test images of class " + c);
            }
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : train.images().pixels()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
            assertEquals(10, train.classNames().size());
            assertEquals("Ankle boot", train.classNames().get(9));

            Record r = train.get(manager, 0);
            NDArray x = r.getData().singletonOrThrow();
            NDArray y = r.getLabels().singletonOrThrow();
            assertEquals(new Shape(1, 28, 28), x.getShape());
            assertEquals(DataType.FLOAT32, x.getDataType());
            assertEquals(new Shape(), y.getShape());
            assertEquals(DataType.FLOAT32, y.getDataType());
            // The first training image of Fashion-MNIST is an ankle boot.
            assertEquals(9f, y.getFloat());
        }
    }

    @Test
    void batchesAreSlicedWithTheRequestedSizeAndLimitApplies() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            FashionMnist test = Prepared.part(FashionMnist.builder().optLimit(1000), Dataset.Usage.TEST, manager,
                    128, false);
            assertEquals(1000, test.size());
            int batches = 0;
            long images = 0;
            for (Batch b : test.getData(manager)) {
                NDArray x = b.getData().singletonOrThrow();
                assertEquals(1, x.getShape().get(1));
                assertArrayEquals(new long[] {28, 28}, new long[] {x.getShape().get(2), x.getShape().get(3)});
                assertEquals(x.getShape().get(0), b.getLabels().singletonOrThrow().getShape().get(0));
                images += x.getShape().get(0);
                batches++;
                b.close();
            }
            assertEquals(1000, images);
            assertEquals(8, batches);
            assertTrue(test.images().size() == 10_000, "images() exposes the whole part, limit applies to iteration");
        }
    }
}
