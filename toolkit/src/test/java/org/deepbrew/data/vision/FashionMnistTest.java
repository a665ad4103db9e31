package org.deepbrew.data.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;

import org.deepbrew.data.InMemoryDataset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FashionMnistTest {

    @Test
    void trainAndTestHaveTheRealCountsBalancedClassesAndUnitPixels() throws Exception {
        ImageSet train = Prepared.part(FashionMnist.builder(), Dataset.Usage.TRAIN).images();
        ImageSet test = Prepared.part(FashionMnist.builder(), Dataset.Usage.TEST).images();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        int[] trainCounts = train.classCounts(10);
        int[] testCounts = test.classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, trainCounts[c], "train images of class " + c);
            assertEquals(1_000, testCounts[c], "test images of class " + c);
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // The first training image of Fashion-MNIST is an ankle boot.
        assertEquals(9, train.label(0));
        assertEquals("Ankle boot", FashionMnist.classes().get(9));
    }

    @Test
    void becomesBatchesOfTheRequestedSizeWithItsClassNames() throws Exception {
        FashionMnist source = Prepared.part(FashionMnist.builder(), Dataset.Usage.TEST);
        try (InMemoryDataset test = InMemoryDataset.builder().batchSize(128).shuffle(false).limit(1000).from(source);
             NDManager manager = NDManager.newBaseManager()) {
            assertEquals(1000, test.size());
            assertEquals(8, test.batchesPerEpoch());
            assertEquals(FashionMnist.classes(), test.classNames());
            int batches = 0;
            long images = 0;
            for (Batch b : test.getData(manager)) {
                NDArray x = b.getData().singletonOrThrow();
                NDArray y = b.getLabels().singletonOrThrow();
                assertEquals(new Shape(x.getShape().get(0), 1, 28, 28), x.getShape());
                assertEquals(DataType.FLOAT32, x.getDataType());
                assertEquals(new Shape(x.getShape().get(0)), y.getShape());
                if (batches == 0) {
                    assertEquals(source.images().label(0), (int) y.getFloat(0), "unshuffled: the first image first");
                }
                images += x.getShape().get(0);
                batches++;
                b.close();
            }
            assertEquals(1000, images);
            assertEquals(8, batches);
        }
    }
}
