package org.deepbrew.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RandomSearchTest {
    private final SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-5, 1).build();

    /** Best at lr = 1e-2; the score falls with the distance in decades. */
    private static double score(Params p) {
        return -Math.abs(Math.log10(p.getDouble("lr")) + 2);
    }

    @Test
    void triesTheSeededPointsWithFullBudgetAndPicksTheBest() {
        List<Integer> budgets = new ArrayList<>();
        SearchResult r = RandomSearch.of(space).trials(15).budget(4).seed(5).onTrial(null)
                .run((p, budget) -> {
                    budgets.add(budget);
                    return score(p);
                });
        assertEquals(15, r.trials().size());
        assertEquals(List.of(4), budgets.stream().distinct().toList());
        assertEquals(60, r.totalBudget());
        List<Params> expected = space.sample(15, 5);
        for (int i = 0; i < 15; i++) {
            assertEquals(expected.get(i), r.trials().get(i).params());
        }
        Params argmax = expected.stream().max(Comparator.comparingDouble(RandomSearchTest::score)).orElseThrow();
        assertEquals(argmax, r.best().params());
        assertEquals(3, r.top(3).size());
        assertTrue(r.top(3).get(0).score() >= r.top(3).get(1).score());
        assertNotNull(r.plot());
    }

    @Test
    void configurationsAreWhatRunTriesInOrder() {
        RandomSearch search = RandomSearch.of(space).trials(6).budget(2).seed(9).onTrial(null);
        List<Params> planned = search.configurations();
        List<Params> tried = new ArrayList<>();
        search.run((p, budget) -> {
            tried.add(p);
            return score(p);
        });
        assertEquals(planned, tried, "a search run elsewhere (SparkSearch) tries the same points");
        assertEquals(2, search.budget());
        assertTrue(search.higherIsBetter());
        assertFalse(RandomSearch.of(space).minimize().higherIsBetter());
    }

    @Test
    void minimizeAndDivergedTrialsRankLast() {
        // Loss = distance from 1e-2, but any lr above 0.1 "diverges" (NaN), which must not win.
        SearchResult r = RandomSearch.of(space).trials(30).seed(1).minimize().onTrial(null)
                .run((p, b) -> p.getDouble("lr") > 0.1 ? Double.NaN : -score(p));
        assertTrue(r.trials().stream().anyMatch(t -> Double.isNaN(t.score())), "the seed should hit a diverged lr");
        Trial best = r.best();
        assertFalse(Double.isNaN(best.score()));
        double min = r.trials().stream().mapToDouble(Trial::score).filter(s -> !Double.isNaN(s)).min().orElseThrow();
        assertEquals(min, best.score());
        assertTrue(Double.isNaN(r.top(30).get(29).score()));
    }

    @Test
    void aFailingObjectiveNamesTheTrial() {
        var e = assertThrows(IllegalStateException.class, () -> RandomSearch.of(space).trials(2).onTrial(null)
                .run((p, b) -> {
                    throw new java.io.IOException("disk full");
                }));
        assertTrue(e.getMessage().contains("trial #0") && e.getMessage().contains("disk full"), e.getMessage());
    }
}
