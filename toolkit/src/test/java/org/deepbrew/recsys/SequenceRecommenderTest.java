package org.deepbrew.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepbrew.train.EpochRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both sequence models on a planted pattern (item i is always followed by item i mod n + 1):
 * trained once per class, checked on the held-out last item of every user.
 */
class SequenceRecommenderTest {
    private static final int ITEMS = 20;
    private static final List<int[]> TRAIN = new ArrayList<>();
    private static final List<int[]> VALIDATION = new ArrayList<>();
    private static final List<int[]> HISTORIES = new ArrayList<>();
    private static final int[] HELD_OUT = new int[128];
    private static SequenceRecommender.Trained lstm;
    private static SequenceRecommender.Trained attention;

    @BeforeAll
    static void train() {
        List<int[]> all = SyntheticSequences.cyclic(HELD_OUT.length, ITEMS, 8, 24, 1);
        for (int u = 0; u < all.size(); u++) {
            int[] s = all.get(u);
            TRAIN.add(Arrays.copyOf(s, s.length - 2));
            VALIDATION.add(Arrays.copyOf(s, s.length - 1));
            HISTORIES.add(VALIDATION.get(u));
            HELD_OUT[u] = s[s.length - 1];
        }
        lstm = small(SequenceRecommender.lstm(ITEMS).embedding(16).hidden(32)).fit(TRAIN, VALIDATION, 6);
        attention = small(SequenceRecommender.selfAttention(ITEMS).hidden(32)).fit(TRAIN, VALIDATION, 6);
    }

    private static SequenceRecommender.Builder small(SequenceRecommender.Builder b) {
        return b.maxLength(20).batchSize(16).dropout(0.1f).learningRate(0.01f).seed(3);
    }

    @AfterAll
    static void close() {
        lstm.recommender().close();
        attention.recommender().close();
    }

    private static double hitRateAt1(Recommender r) {
        List<float[]> scores = r.score(HISTORIES);
        int hits = 0;
        for (int u = 0; u < HELD_OUT.length; u++) {
            float[] s = scores.get(u);
            int best = 1;
            for (int i = 2; i < s.length; i++) {
                if (s[i] > s[best]) {
                    best = i;
                }
            }
            hits += best == HELD_OUT[u] ? 1 : 0;
        }
        return (double) hits / HELD_OUT.length;
    }

    private static double lastTrainLoss(SequenceRecommender.Trained t) {
        List<EpochRecord> epochs = t.history().epochs();
        return epochs.get(epochs.size() - 1).trainLoss();
    }

    /** HR@1 far above chance (1/20) on held-out items, training loss far below ln(n). */
    private static void assertLearned(SequenceRecommender.Trained t) {
        double hr = hitRateAt1(t.recommender());
        assertTrue(hr > 0.8, t.recommender().name() + " HR@1 " + hr + ", chance " + 1.0 / ITEMS);
        double loss = lastTrainLoss(t);
        assertTrue(loss < 0.25 * Math.log(ITEMS), "training loss " + loss + " vs ln(n) " + Math.log(ITEMS));
    }

    @Test
    void lstmLearnsThePlantedPattern() {
        assertLearned(lstm);
    }

    @Test
    void selfAttentionLearnsThePlantedPattern() {
        assertLearned(attention);
    }

    @Test
    void paddingIsNeverRecommendedAndNeverChangesAScore() {
        for (SequenceRecommender r : List.of(lstm.recommender(), attention.recommender())) {
            int[] shortHistory = {3, 4, 5};
            float[] alone = r.score(shortHistory);
            assertEquals(ITEMS + 1, alone.length);
            assertEquals(Float.NEGATIVE_INFINITY, alone[0], r.name());
            // In a batch with a long history, the short one is padded after its items: same scores.
            float[] padded = r.score(List.of(HISTORIES.get(0), shortHistory, new int[] {7})).get(1);
            assertArrayEquals(alone, padded, 1e-5f, r.name());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> r.score(new int[] {3, 0, 4}));
            assertTrue(e.getMessage().contains("padding"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> r.score(new int[0]));
        }
    }

    @Test
    void historiesLongerThanMaxLengthAreReadFromTheirMostRecentItems() {
        int[] longHistory = SyntheticSequences.cyclic(1, ITEMS, 30, 30, 9).get(0);
        for (SequenceRecommender r : List.of(lstm.recommender(), attention.recommender())) {
            int[] recent = Arrays.copyOfRange(longHistory, longHistory.length - r.maxLength(), longHistory.length);
            assertArrayEquals(r.score(recent), r.score(longHistory), 1e-6f, r.name());
        }
    }

    @Test
    void selfAttentionNeverLooksAhead() {
        NextItemNetwork net = attention.recommender().network();
        try (NDManager m = attention.recommender().model().getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = net.forward(ps, new NDList(m.create(new int[] {1, 2, 3, 4}, new Shape(1, 4))), false)
                    .head().get(":, 0:3, :").toFloatArray();
            NDArray changed = m.create(new int[] {1, 2, 3, 17}, new Shape(1, 4));
            float[] b = net.forward(ps, new NDList(changed), false).head().get(":, 0:3, :").toFloatArray();
            assertArrayEquals(a, b, 1e-5f, "steps 0..2 must not see step 3");
        }
    }

    @Test
    void theSameSeedGivesTheSameScores() {
        List<int[]> few = TRAIN.subList(0, 32);
        try (SequenceRecommender a = small(SequenceRecommender.lstm(ITEMS).embedding(8).hidden(8)).build();
             SequenceRecommender b = small(SequenceRecommender.lstm(ITEMS).embedding(8).hidden(8)).build();
             SequenceRecommender c = small(SequenceRecommender.lstm(ITEMS).embedding(8).hidden(8)).seed(4).build()) {
            for (SequenceRecommender r : List.of(a, b, c)) {
                r.fitting(few, List.of(), 2).quiet().run();
            }
            int[] h = HISTORIES.get(5);
            assertArrayEquals(a.score(h), b.score(h), 0f);
            assertTrue(!Arrays.equals(a.score(h), c.score(h)), "another seed, another model");
        }
    }

    @Test
    void badSizesAreRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> SequenceRecommender.lstm(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SequenceRecommender.selfAttention(5).embedding(8));
        assertTrue(e.getMessage().contains("hidden"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SequenceRecommender.selfAttention(5).hidden(30).heads(4).build());
    }
}
