package org.deepbrew.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

class SequenceBatchesTest extends WithNDManager {
    private static final List<int[]> TOY = List.of(new int[] {1, 2, 3, 4}, new int[] {5, 6}, new int[] {7});

    private static List<Batch> read(SequenceBatches data) {
        List<Batch> out = new ArrayList<>();
        data.getData(manager).forEach(out::add);
        return out;
    }

    @Test
    void inputsAreShiftedTargetsRightPaddedWithAMaskOverRealSteps() {
        SequenceBatches data = SequenceBatches.of(TOY, 7).shuffle(false).batchSize(8).build();
        assertEquals(2, data.size(), "the one-item sequence holds no transition");
        assertEquals(4, data.steps());
        List<Batch> batches = read(data);
        assertEquals(1, batches.size());
        try (Batch b = batches.get(0)) {
            assertEquals(new Shape(2, 3), b.getData().head().getShape(), "as long as the longest window");
            assertArrayEquals(new int[] {1, 2, 3, 5, 0, 0}, b.getData().head().toIntArray());
            assertArrayEquals(new float[] {2, 3, 4, 6, 0, 0}, b.getLabels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0}, b.getLabels().get(1).toFloatArray());
        }
    }

    @Test
    void longHistoriesKeepTheMostRecentWindowOrAreCoveredByConsecutiveWindows() {
        List<int[]> one = List.of(new int[] {1, 2, 3, 4, 5, 6, 7});
        try (Batch b = read(SequenceBatches.of(one, 7).maxLength(3).shuffle(false).build()).get(0)) {
            assertArrayEquals(new int[] {4, 5, 6}, b.getData().head().toIntArray());
            assertArrayEquals(new float[] {5, 6, 7}, b.getLabels().get(0).toFloatArray());
        }
        SequenceBatches whole = SequenceBatches.of(one, 7).maxLength(3).shuffle(false)
                .windows(SequenceBatches.Windows.WHOLE_HISTORY).build();
        assertEquals(6, whole.steps(), "each of the 6 transitions once");
        try (Batch b = read(whole).get(0)) {
            assertArrayEquals(new int[] {4, 5, 6, 1, 2, 3}, b.getData().head().toIntArray());
            assertArrayEquals(new float[] {5, 6, 7, 2, 3, 4}, b.getLabels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, b.getLabels().get(1).toFloatArray());
        }
    }

    @Test
    void lastStepOnlyCountsJustTheHeldOutItem() {
        SequenceBatches data = SequenceBatches.of(TOY, 7).shuffle(false).lastStepOnly(true).build();
        assertEquals(2, data.steps());
        try (Batch b = read(data).get(0)) {
            assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, b.getLabels().get(1).toFloatArray());
        }
    }

    @Test
    void seededShufflingRepeatsAfterRewindAndChangesBetweenEpochs() {
        List<int[]> many = SyntheticSequences.cyclic(40, 9, 3, 6, 1);
        SequenceBatches data = SequenceBatches.of(many, 9).batchSize(40).seed(3).build();
        assertEquals(1, data.batchesPerEpoch());
        int[] first = firstColumn(data);
        int[] second = firstColumn(data);
        data.rewind();
        assertArrayEquals(first, firstColumn(data));
        assertTrue(!java.util.Arrays.equals(first, second), "a new order each epoch");
        assertEquals(3, SequenceBatches.of(many, 9).batchSize(16).build().batchesPerEpoch());
    }

    private static int[] firstColumn(SequenceBatches data) {
        try (Batch b = read(data).get(0)) {
            return b.getData().head().get(":, 0").toIntArray();
        }
    }

    @Test
    void badItemIdsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceBatches.of(List.of(new int[] {1, 0, 2}), 5).build());
        assertTrue(e.getMessage().contains("item 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SequenceBatches.of(List.of(new int[] {1, 6}), 5).build());
        assertThrows(IllegalArgumentException.class, () -> SequenceBatches.of(List.of(new int[] {3}), 5).build());
    }
}
