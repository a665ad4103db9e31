package org.deepbrew.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;

import org.deepbrew.data.vision.ImageSet;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;

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

    /** {@code n} 2x2 images; image i has every pixel i / n and label i % 10. */
    private static ImageSet numberedImages(int n) {
        float[] pixels = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            Arrays.fill(pixels, i * 4, i * 4 + 4, i / (float) n);
        }
        return new ImageSet(pixels, labels, 1, 2, 2);
    }

    /** The labels of every batch of the next epoch, in order. */
    private static float[] epochLabels(InMemoryDataset data, NDManager target) {
        float[] all = new float[(int) data.size()];
        int at = 0;
        for (Batch b : data.getData(target)) {
            float[] y = b.getLabels().head().toFloatArray();
            System.arraycopy(y, 0, all, at, y.length);
            at += y.length;
            b.close();
        }
        return all;
    }

    @Test
    void imagesCoverEveryImageOncePerEpochWithTheirLabelsAndShuffleRepeatsWithTheSeed() {
        int n = 300;
        ImageSet set = numberedImages(n);
        try (InMemoryDataset data = InMemoryDataset.builder().batchSize(128).seed(5).from(set);
             InMemoryDataset same = InMemoryDataset.builder().batchSize(128).seed(5).from(set);
             NDManager target = NDManager.newBaseManager()) {
            assertEquals(3, data.batchesPerEpoch());
            int[] seen = new int[n];
            for (Batch b : data.getData(target)) {
                assertEquals(new Shape(b.getSize(), 1, 2, 2), b.getData().head().getShape());
                float[] x = b.getData().head().toFloatArray();
                float[] y = b.getLabels().head().toFloatArray();
                for (int k = 0; k < y.length; k++) {
                    int i = Math.round(x[k * 4] * n);
                    seen[i]++;
                    assertEquals(set.label(i), (int) y[k], "label travels with its image");
                }
                b.close();
            }
            for (int s : seen) {
                assertEquals(1, s);
            }
            float[] second = epochLabels(data, target);
            epochLabels(same, target);
            assertArrayEquals(second, epochLabels(same, target), "same seed, same epoch, same order");
            assertFalse(Arrays.equals(second, epochLabels(data, target)), "the next epoch reshuffles");
        }
    }

    @Test
    void augmentationChangesEveryBatchAnewAndLeavesTheStoredImagesAlone() {
        ImageSet set = numberedImages(64);
        int[] calls = new int[1];
        try (InMemoryDataset data = InMemoryDataset.builder().batchSize(32).shuffle(false)
                .augment(x -> {
                    calls[0]++;
                    return x.add(1f);
                }).from(set);
             NDManager target = NDManager.newBaseManager()) {
            Batch b = data.getData(target).iterator().next();
            assertEquals(1f, b.getData().head().toFloatArray()[0], 1e-6f);
            b.close();
            assertEquals(1, calls[0], "augmented when the batch is made");
            assertEquals(0f, data.features().toFloatArray()[0], 0f, "stored features stay raw");
        }
    }

    @Test
    void floatRowsBecomeFeaturesAndUnevenRowsAreRejected() {
        try (InMemoryDataset data = InMemoryDataset.builder().shuffle(false)
                .fromArrays(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[] {0, 1})) {
            assertEquals(new Shape(2, 3), data.features().getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, data.features().toFloatArray());
            assertArrayEquals(new float[] {0, 1}, data.labels().toFloatArray());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InMemoryDataset.builder()
                .fromArrays(new float[][] {{1, 2}, {3}}, new float[] {0, 1}));
        assertTrue(e.getMessage().contains("row 1 has 1"), e.getMessage());
    }

    private static Table flowers() {
        return Table.create("flowers",
                DoubleColumn.create("length", 1.5, 4.5, 6.0),
                IntColumn.create("petals", 5, 4, 6),
                StringColumn.create("kind", "rose", "iris", "rose"));
    }

    @Test
    void aTableTrainsDirectlyNumericColumnsAsFeaturesTextLabelAsClassIndex() {
        try (InMemoryDataset data = InMemoryDataset.builder().shuffle(false).from(flowers(), "kind")) {
            assertEquals(new Shape(3, 2), data.features().getShape());
            assertArrayEquals(new float[] {1.5f, 5, 4.5f, 4, 6, 6}, data.features().toFloatArray());
            assertEquals(List.of("iris", "rose"), data.classNames(), "classes in sorted order");
            assertArrayEquals(new float[] {1, 0, 1}, data.labels().toFloatArray());
        }
        try (InMemoryDataset data = InMemoryDataset.builder().from(flowers().removeColumns("kind"), "petals")) {
            assertArrayEquals(new float[] {5, 4, 6}, data.labels().toFloatArray(), "a numeric label keeps its value");
            assertEquals(List.of(), data.classNames());
        }
    }

    @Test
    void aTableWithTextFeaturesOrMissingValuesIsRefusedNamingTheColumn() {
        Table t = flowers();
        t.addColumns(StringColumn.create("colour", "red", "blue", "white"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> InMemoryDataset.builder().from(t, "kind"));
        assertTrue(text.getMessage().contains("\"colour\" is STRING, not numeric"), text.getMessage());

        Table gaps = flowers();
        gaps.doubleColumn("length").setMissing(1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> InMemoryDataset.builder().from(gaps, "kind"));
        assertTrue(missing.getMessage().contains("\"length\" has 1 missing value(s), the first in row 1"),
                missing.getMessage());

        IllegalArgumentException noLabel = assertThrows(IllegalArgumentException.class,
                () -> InMemoryDataset.builder().from(flowers(), "species"));
        assertTrue(noLabel.getMessage().contains("no label column \"species\""), noLabel.getMessage());
    }
}
