package org.deepbrew.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepbrew.train.EpochRecord;
import org.deepbrew.train.History;
import org.junit.jupiter.api.Test;

class SeedWiringTest {
    private static final int ITEMS = 10;

    @Test
    void readingUserIdsTheLossCannotFallBelowLnOfTheItemsWhileItemHistoriesLearn() {
        // 30 users cycling through 10 items: 20 training events = every item twice per user.
        List<int[]> all = SyntheticSequences.cyclic(30, ITEMS, 30, 30, 5);
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        for (int[] s : all) {
            train.add(Arrays.copyOf(s, 20));
            validation.add(Arrays.copyOfRange(s, 20, 30));
        }
        double floor = Math.log(ITEMS);
        History seed = SeedWiring.fit(train, validation, ITEMS, 8, 1);
        for (EpochRecord e : seed.epochs()) {
            assertTrue(e.trainLoss() > floor - 0.01, "epoch " + e.epoch() + " loss " + e.trainLoss() + " < ln 10");
            assertTrue(e.valAccuracy() < 0.2, "accuracy " + e.valAccuracy() + " should be chance, 0.1");
        }
        EpochRecord last = seed.epochs().get(seed.epochs().size() - 1);
        assertEquals(floor, last.trainLoss(), 0.06, "the seed's wiring ends at ln 10 = 2.3026");

        // The same events read as item histories: the next item is known from the last one.
        SequenceRecommender.Trained fixed = SequenceRecommender.lstm(ITEMS).embedding(16).hidden(32)
                .batchSize(8).learningRate(0.01f).seed(1).fit(train, List.of(), 6);
        try (SequenceRecommender r = fixed.recommender()) {
            List<EpochRecord> epochs = fixed.history().epochs();
            double loss = epochs.get(epochs.size() - 1).trainLoss();
            assertTrue(loss < 0.3 * floor, "item histories learn: loss " + loss);
        }
    }

    @Test
    void validationMustCoverTheSameUsers() {
        assertThrows(IllegalArgumentException.class,
                () -> SeedWiring.fit(List.of(new int[] {1, 2}), List.of(), ITEMS, 1, 1));
    }
}
