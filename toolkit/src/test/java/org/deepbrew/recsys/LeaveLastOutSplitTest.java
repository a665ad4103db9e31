package org.deepbrew.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LeaveLastOutSplitTest {

    @Test
    void lastIsTestOneBeforeIsValidationRestIsTraining() {
        // user 1: items 10, 20, 30, 40 in time order (rows shuffled); user 2: items 20, 10 (too short).
        InteractionLog log = InteractionLog.of(
                new int[] {1, 1, 2, 1, 1, 2},
                new int[] {30, 10, 20, 40, 20, 10},
                new long[] {3, 1, 5, 4, 2, 6});
        LeaveLastOutSplit split = LeaveLastOutSplit.of(log.toSequences());
        // dense: 10 -> 1, 20 -> 2, 30 -> 3, 40 -> 4
        assertEquals(4, split.itemCount());
        assertEquals(2, split.userCount());
        assertArrayEquals(new int[] {1, 2}, split.training(0));
        assertArrayEquals(new int[] {2, 1}, split.training(1), "a short user trains on everything");

        List<RankingCase> validation = split.validationCases();
        assertEquals(1, validation.size(), "the short user gets no case");
        assertEquals(0, validation.get(0).user());
        assertArrayEquals(new int[] {1, 2}, validation.get(0).history());
        assertEquals(3, validation.get(0).target());

        RankingCase test = split.testCases().get(0);
        assertArrayEquals(new int[] {1, 2, 3}, test.history(), "the test history includes the validation item");
        assertEquals(4, test.target());
        assertEquals(2, split.trainingSequences().size());
        assertArrayEquals(new int[] {1, 2, 3}, split.trainingAndValidationSequences().get(0));
        assertArrayEquals(new int[] {2, 1}, split.trainingAndValidationSequences().get(1));
    }

    @Test
    void threeItemsAreEnough() {
        InteractionLog log = InteractionLog.of(new int[] {1, 1, 1}, new int[] {5, 6, 7}, new long[] {1, 2, 3});
        LeaveLastOutSplit split = LeaveLastOutSplit.of(log.toSequences());
        assertArrayEquals(new int[] {1}, split.training(0));
        assertEquals(2, split.validationCases().get(0).target());
        assertEquals(3, split.testCases().get(0).target());
    }

    @Test
    void casesRefusePaddingTargets() {
        assertThrows(IllegalArgumentException.class, () -> new RankingCase(0, new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new RankingCase(0, null, 1));
    }
}
