package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InMemoryDatasetTest extends WithNDManager {

    /** Ten rows; row i has features (i, 10 i) and label i. */
    private static NDArray[] tenRows() {
        float[] x = new float[20];
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return new NDArray[] {manager.create(x, new Shape(10, 2)), manager.create(y)};
    }

    @Test
    void rowsPicksThoseRowsInOrder() {
        NDArray[] d = tenRows();
        try (InMemoryDataset part = InMemoryDataset.builder().shuffle(false).rows(new int[] {7, 2, 9})
                .fromArrays(d[0], d[1])) {
            assertEquals(3, part.size());
            assertArrayEquals(new float[] {7, 2, 9}, part.labels().toFloatArray());
            assertArrayEquals(new float[] {7, 70, 2, 20, 9, 90}, part.features().toFloatArray());
        }
    }

    @Test
    void rowsOutsideTheDataAreRejected() {
        NDArray[] d = tenRows();
        assertThrows(IllegalArgumentException.class,
                () -> InMemoryDataset.builder().rows(new int[] {3, 10}).fromArrays(d[0], d[1]));
    }

    @Test
    void standardizeServesScaledBatchesAndKeepsRawFeatures() {
        NDArray[] d = tenRows();
        try (InMemoryDataset data = InMemoryDataset.builder().batchSize(10).shuffle(false)
                .standardize(1f, 2f).fromArrays(d[0], d[1]);
             NDManager target = NDManager.newBaseManager()) {
            Batch b = data.getData(target).iterator().next();
            float[] served = b.getData().head().toFloatArray();
            b.close();
            assertEquals((0 - 1f) / 2f, served[0], 1e-6f);
            assertEquals((90 - 1f) / 2f, served[19], 1e-6f);
            assertEquals(90f, data.features().toFloatArray()[19], 0f, "stored features stay raw");
        }
        assertThrows(IllegalArgumentException.class, () -> InMemoryDataset.builder().standardize(0f, 0f));
    }

    @Test
    void standardizeComesAfterAugmentation() {
        NDArray[] d = tenRows();
        // An augmentation that zeroes the batch stands for a warp that pads with background 0.
        try (InMemoryDataset data = InMemoryDataset.builder().batchSize(10).shuffle(false)
                .augment(NDArray::zerosLike).standardize(0.5f, 0.25f).fromArrays(d[0], d[1]);
             NDManager target = NDManager.newBaseManager()) {
            Batch b = data.getData(target).iterator().next();
            for (float v : b.getData().head().toFloatArray()) {
                assertEquals(-2f, v, 1e-6f);
            }
            b.close();
        }
    }
}
