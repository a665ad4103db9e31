package org.deepbrew.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BaselinesTest {
    private static final double EPS = 1e-6;

    @Test
    void popularityCountsTrainingInteractions() {
        PopularityRecommender pop = PopularityRecommender.fit(List.of(new int[] {1, 2, 2}, new int[] {2, 3},
                new int[0]), 4);
        assertEquals(4, pop.itemCount());
        assertArrayEquals(new float[] {0, 1, 3, 1, 0}, pop.score(new int[] {1}));
        assertArrayEquals(new int[] {2, 1, 3, 4}, FullRanking.top(pop.score(new int[0]), 4, (int[]) null));
        // item 2 seen: item 1 ties with item 3 at one count, so it ranks 2nd (pessimistic)
        assertEquals(2, FullRanking.rankOf(pop.score(new int[] {2}), 1, new int[] {2}));
    }

    // Users 0, 1 saw {1, 2}; users 2, 3 saw {3, 4}; user 4 saw {1, 2, 3}.
    // U(1) = U(2) = {0, 1, 4}, U(3) = {2, 3, 4}, U(4) = {2, 3}:
    // sim(1, 2) = 3/3 = 1, sim(1, 3) = sim(2, 3) = 1/3, sim(3, 4) = 2/sqrt(6), sim(1, 4) = 0.
    private static final List<int[]> TOY = List.of(new int[] {1, 2}, new int[] {2, 1}, new int[] {3, 4},
            new int[] {4, 3}, new int[] {1, 2, 3});

    @Test
    void itemKnnSimilaritiesAreCosinesOfUserSets() {
        ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY, 4);
        assertArrayEquals(new int[] {2, 3}, knn.neighbours(1), "item 4 never co-occurs with item 1");
        assertArrayEquals(new float[] {1f, 1f / 3}, knn.similarities(1), (float) EPS);
        assertArrayEquals(new int[] {4, 1, 2}, knn.neighbours(3));
        assertEquals(2 / Math.sqrt(6), knn.similarities(3)[0], EPS);
    }

    @Test
    void itemKnnSumsSimilaritiesToTheHistory() {
        ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY, 4);
        float[] s = knn.score(new int[] {1});
        assertEquals(1.0, s[2], EPS);
        assertEquals(1.0 / 3, s[3], EPS);
        assertEquals(0.0, s[4], EPS);
        float[] both = knn.score(new int[] {1, 2});
        assertEquals(2.0 / 3, both[3], EPS);
        assertEquals(1.0, both[1], EPS);
        assertArrayEquals(s, knn.score(new int[] {1, 1}), "a repeat counts once");
        assertEquals(4, FullRanking.top(knn.score(new int[] {3}), 1, new int[] {3})[0]);
    }

    @Test
    void itemKnnSettingsChangeWhatCounts() {
        ItemKnnRecommender one = ItemKnnRecommender.builder().neighbours(1).fit(TOY, 4);
        assertArrayEquals(new int[] {2}, one.neighbours(1));
        ItemKnnRecommender recent = ItemKnnRecommender.builder().recentItems(1).fit(TOY, 4);
        float[] s = recent.score(new int[] {1, 3});
        assertEquals(2 / Math.sqrt(6), s[4], EPS);
        assertEquals(1.0 / 3, s[2], EPS, "only item 3 counts, not item 1's similarity 1");
        // the default scores the last 5: item 1 first, then 3 four times and 4; item 1 drops out
        float[] last5 = ItemKnnRecommender.fit(TOY, 4).score(new int[] {1, 3, 3, 3, 3, 4});
        assertEquals(1.0 / 3, last5[2], EPS);
        float[] all = ItemKnnRecommender.builder().recentItems(0).fit(TOY, 4).score(new int[] {1, 3, 3, 3, 3, 4});
        assertEquals(1 + 1.0 / 3, all[2], EPS);
    }

    @Test
    void alsLearnsAPlantedStructure() {
        SyntheticLogs.Planted p = SyntheticLogs.twoGroups(200, 100, 20, 1);
        AlsRecommender mf = AlsRecommender.builder().factors(8).iterations(10).seed(3).fit(p.training(), 100);
        RankingResult r = RankingEvaluator.atK(10).evaluate(mf, p.test());
        // random ranking: 10 of the 80 unseen items, HR 0.125; knowing the group: 10 of 30, 0.333
        assertTrue(r.hitRate() > 0.25, r.toString());
        int own = 0;
        for (RankingCase c : p.test()) {
            for (int item : FullRanking.top(mf.score(c.history()), 10, c.history())) {
                own += (item <= p.half()) == (p.group()[c.user()] == 0) ? 1 : 0;
            }
        }
        assertTrue(own >= 0.98 * 10 * p.test().size(), own + " of the top-10 items are from the user's half");
    }

    @Test
    void itemKnnAlsoFindsThePlantedGroups() {
        SyntheticLogs.Planted p = SyntheticLogs.twoGroups(200, 100, 20, 1);
        RankingResult knn = RankingEvaluator.atK(10).evaluate(ItemKnnRecommender.fit(p.training(), 100), p.test());
        RankingResult pop = RankingEvaluator.atK(10).evaluate(PopularityRecommender.fit(p.training(), 100), p.test());
        assertTrue(knn.hitRate() > 0.25, knn.toString());
        assertTrue(pop.hitRate() < 0.2, "popularity cannot see the groups: " + pop);
    }

    @Test
    void alsIsDeterministicBySeed() {
        SyntheticLogs.Planted p = SyntheticLogs.twoGroups(40, 30, 6, 2);
        int[] history = p.test().get(0).history();
        float[] a = AlsRecommender.builder().factors(4).iterations(3).seed(5).fit(p.training(), 30).score(history);
        float[] b = AlsRecommender.builder().factors(4).iterations(3).seed(5).fit(p.training(), 30).score(history);
        float[] c = AlsRecommender.builder().factors(4).iterations(3).seed(6).fit(p.training(), 30).score(history);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c), "another seed starts from other vectors");
    }

    @Test
    void alsFoldsInAnyHistory() {
        SyntheticLogs.Planted p = SyntheticLogs.twoGroups(40, 30, 6, 2);
        AlsRecommender mf = AlsRecommender.builder().factors(4).iterations(3).fit(p.training(), 30);
        assertArrayEquals(new double[4], mf.userVector(new int[0]), "no history, no preference");
        assertEquals(31, mf.score(new int[] {1, 2}).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mf.score(new int[] {31}));
        assertTrue(e.getMessage().contains("outside 1..30"), e.getMessage());
    }

    @Test
    void trainingIdsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PopularityRecommender.fit(List.of(new int[] {1, 0}), 3));
        assertTrue(e.getMessage().contains("training sequence 0 holds item 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ItemKnnRecommender.fit(List.of(new int[] {4}), 3));
        assertThrows(IllegalArgumentException.class, () -> AlsRecommender.fit(List.of(new int[] {4}), 3));
        assertThrows(IllegalArgumentException.class, () -> AlsRecommender.builder().regularization(0));
    }
}
