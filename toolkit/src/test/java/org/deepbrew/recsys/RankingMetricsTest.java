package org.deepbrew.recsys;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RankingMetricsTest {
    // Items 1..5; item 3 is third best (behind 1 and 2).
    private static final float[] THIRD = {0f, 0.9f, 0.8f, 0.7f, 0.1f, 0.2f};

    @Test
    void targetAtRankThree() {
        RankingCase c = new RankingCase(0, new int[0], 3);
        RankingResult at10 = RankingEvaluator.atK(10).evaluate(new FixedScores(THIRD), List.of(c));
        assertEquals(1.0, at10.hitRate());
        assertEquals(0.5, at10.ndcg(), 1e-12, "1/log2(3 + 1)");
        assertEquals(1.0 / 3, at10.mrr(), 1e-12);
        assertArrayEquals(new int[] {3}, at10.ranks());
        RankingResult at2 = RankingEvaluator.atK(2).evaluate(new FixedScores(THIRD), List.of(c));
        assertEquals(0.0, at2.hitRate());
        assertEquals(0.0, at2.ndcg());
        assertEquals(1.0 / 3, at2.mrr(), 1e-12, "MRR is not cut at k");
    }

    @Test
    void seenItemsLeaveTheRanking() {
        RankingCase c = new RankingCase(0, new int[] {1, 4}, 3);
        RankingResult excluded = RankingEvaluator.atK(2).evaluate(new FixedScores(THIRD), List.of(c));
        assertArrayEquals(new int[] {2}, excluded.ranks(), "item 1 was seen, so only item 2 is ahead");
        assertEquals(1.0, excluded.hitRate());
        assertEquals(1 / (Math.log(3) / Math.log(2)), excluded.ndcg(), 1e-12);
        assertEquals(0.5, excluded.mrr(), 1e-12);
        RankingResult kept = RankingEvaluator.atK(2).excludeSeen(false).evaluate(new FixedScores(THIRD), List.of(c));
        assertArrayEquals(new int[] {3}, kept.ranks());
    }

    @Test
    void theTargetIsNeverExcluded() {
        // a repeat: the user saw item 3 before and returns to it
        assertEquals(2, FullRanking.rankOf(THIRD, 3, new int[] {1, 3}));
        RankingCase repeat = new RankingCase(0, new int[] {3, 1}, 3);
        assertArrayEquals(new int[] {2}, RankingEvaluator.atK(5).evaluate(new FixedScores(THIRD),
                List.of(repeat)).ranks());
    }

    @Test
    void tiesCountAgainstTheTarget() {
        float[] flat = {0f, 1f, 1f, 1f, 1f, 1f};
        assertEquals(5, FullRanking.rankOf(flat, 1, (boolean[]) null), "every other item ties with the target");
        RankingResult r = RankingEvaluator.atK(4).evaluate(new FixedScores(flat),
                List.of(new RankingCase(0, new int[0], 2)));
        assertEquals(0.0, r.hitRate(), "a model that scores everything equal learns nothing");
        float[] oneTie = {0f, 0.5f, 0.9f, 0.5f, 0.1f};
        assertEquals(3, FullRanking.rankOf(oneTie, 1, (boolean[]) null));
        assertEquals(3, FullRanking.rankOf(oneTie, 3, (boolean[]) null));
    }

    @Test
    void nanNeverHelps() {
        float[] s = {0f, 0.2f, Float.NaN, 0.9f, 0.1f};
        assertEquals(3, FullRanking.rankOf(s, 1, (boolean[]) null), "NaN item 2 counts as ahead");
        float[] nanTarget = {0f, 0.2f, Float.NaN, 0.9f, 0.1f};
        assertEquals(4, FullRanking.rankOf(nanTarget, 2, (boolean[]) null), "a NaN target ranks last");
        assertArrayEquals(new int[] {3, 1, 4, 2}, FullRanking.top(s, 4, (boolean[]) null), "NaN sorts last");
    }

    @Test
    void topListsBreakTiesByLowerId() {
        float[] s = {9f, 0.5f, 0.7f, 0.5f, 0.7f, 0.1f};
        assertArrayEquals(new int[] {2, 4, 1}, FullRanking.top(s, 3, (boolean[]) null), "entry 0 is never listed");
        assertArrayEquals(new int[] {4, 1, 3}, FullRanking.top(s, 3, new int[] {2}));
        assertArrayEquals(new int[] {2, 4, 1, 3, 5}, FullRanking.top(s, 10, (boolean[]) null));
    }

    @Test
    void coverageCountsDistinctItemsInTopK() {
        // user A's top 2: {1, 2}; user B's top 2 with item 1 seen: {2, 3}; items 4 and 5 never: 3 / 5
        RankingCase a = new RankingCase(0, new int[0], 5);
        RankingCase b = new RankingCase(1, new int[] {1}, 5);
        RankingResult r = RankingEvaluator.atK(2).evaluate(new FixedScores(THIRD), List.of(a, b));
        assertEquals(0.6, r.coverage(), 1e-12);
        // item 5 ranks 4th for A (after 1, 2, 3) and 3rd for B
        assertArrayEquals(new int[] {4, 3}, r.ranks());
        assertEquals((1.0 / 4 + 1.0 / 3) / 2, r.mrr(), 1e-12);
        assertEquals(2, r.users());
    }

    @Test
    void scoresGoToTheModelInChunks() {
        FixedScores model = new FixedScores(THIRD);
        List<RankingCase> cases = Collections.nCopies(5, new RankingCase(0, new int[0], 3));
        RankingResult r = RankingEvaluator.atK(3).batchSize(2).evaluate(model, cases);
        assertEquals(3, model.batchedCalls, "5 cases in chunks of 2");
        assertEquals(5, r.users());
        assertEquals(1.0, r.hitRate());
    }

    @Test
    void badInputIsExplained() {
        FixedScores model = new FixedScores(THIRD);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> RankingEvaluator.atK(10).evaluate(model, List.of()));
        assertTrue(empty.getMessage().contains("no cases"), empty.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> RankingEvaluator.atK(10).evaluate(model, List.of(new RankingCase(0, new int[0], 6))));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        Recommender wrong = new FixedScores(new float[] {0f, 1f}) {
            @Override
            public int itemCount() {
                return 5;
            }
        };
        IllegalStateException length = assertThrows(IllegalStateException.class,
                () -> RankingEvaluator.atK(10).evaluate(wrong, List.of(new RankingCase(0, new int[0], 1))));
        assertTrue(length.getMessage().contains("expected 6"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankingEvaluator.atK(0));
        assertThrows(IllegalArgumentException.class, () -> FullRanking.rankOf(THIRD, 0, (int[]) null));
    }

    @Test
    void resultsBecomeOneTable() {
        RankingCase c = new RankingCase(0, new int[0], 3);
        RankingResult a = RankingEvaluator.atK(10).evaluate(new FixedScores(THIRD), List.of(c)).withTrainSeconds(1.5);
        RankingResult b = RankingEvaluator.atK(10).evaluate(new FixedScores(new float[] {0f, 0f, 0f, 1f, 0f, 0f}),
                List.of(c));
        Table t = RankingResult.table(List.of(a, b));
        assertEquals(List.of("model", "users", "hr@10", "ndcg@10", "mrr", "coverage@10", "train_s"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals(0.5, t.doubleColumn("ndcg@10").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("ndcg@10").get(1), 1e-12);
        assertEquals(1.5, t.doubleColumn("train_s").get(0));
        assertTrue(t.doubleColumn("train_s").isMissing(1), "an unknown training time is missing, not 0");
        RankingResult at5 = RankingEvaluator.atK(5).evaluate(new FixedScores(THIRD), List.of(c));
        assertThrows(IllegalArgumentException.class, () -> RankingResult.table(List.of(a, at5)));
    }
}
