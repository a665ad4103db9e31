package org.deepbrew.search;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SuccessiveHalvingTest {
    private final SearchSpace space = SearchSpace.builder().uniform("q", 0, 1).build();

    /** True quality q, seen through a budget-dependent shortfall that keeps the ordering: q - 1/budget. */
    private static double score(Params p, int budget) {
        return p.getDouble("q") - 1.0 / budget;
    }

    @Test
    void keepsTheTopThirdWithTripledBudgets() {
        SearchResult r = SuccessiveHalving.of(space).configs(27).minBudget(1).eta(3).seed(9).onTrial(null)
                .run(SuccessiveHalvingTest::score);
        List<Params> points = space.sample(27, 9);
        int[] expectedCount = {27, 9, 3, 1};
        int[] expectedBudget = {1, 3, 9, 27};
        for (int rung = 0; rung < 4; rung++) {
            int rr = rung;
            List<Trial> inRung = r.trials().stream().filter(t -> t.rung() == rr).toList();
            assertEquals(expectedCount[rung], inRung.size(), "trials in rung " + rung);
            for (Trial t : inRung) {
                assertEquals(expectedBudget[rung], t.budget());
            }
        }
        assertEquals(27 + 27 + 27 + 27, r.totalBudget()); // each rung spends n_i * r_i = 27
        // Survivors of each rung are exactly the true top 27/3^i configurations.
        List<Integer> byQuality = IntStream.range(0, 27).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> points.get(i).getDouble("q")).reversed())
                .toList();
        for (int rung = 1; rung < 4; rung++) {
            int rr = rung;
            var ids = r.trials().stream().filter(t -> t.rung() == rr).map(Trial::id).collect(Collectors.toSet());
            assertEquals(new java.util.HashSet<>(byQuality.subList(0, expectedCount[rung])), ids, "rung " + rung);
        }
        assertEquals(byQuality.get(0), r.best().id());
        assertEquals(27, r.best().budget());
        assertEquals(points.get(byQuality.get(0)), r.best().params());
        assertNotNull(r.plot());
    }

    @Test
    void stopsAtTheBudgetCapAndMinimizes() {
        // Minimize: the best config has the smallest q.
        SearchResult r = SuccessiveHalving.of(space).configs(20).minBudget(2).eta(2).maxBudget(8).seed(4)
                .minimize().onTrial(null).run((p, b) -> p.getDouble("q") + 1.0 / b);
        // Rungs: 20 at 2, 10 at 4, 5 at 8; the next (2 at 16) would exceed the cap.
        assertEquals(35, r.trials().size());
        assertEquals(8, r.trials().stream().mapToInt(Trial::budget).max().orElseThrow());
        assertEquals(5, r.top(10).size());
        double minQ = space.sample(20, 4).stream().mapToDouble(p -> p.getDouble("q")).min().orElseThrow();
        assertEquals(minQ, r.best().params().getDouble("q"));
        assertEquals(20 * 2 + 10 * 4 + 5 * 8, r.totalBudget());
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> SuccessiveHalving.of(space).eta(1));
        assertThrows(IllegalStateException.class,
                () -> SuccessiveHalving.of(space).minBudget(10).maxBudget(5).onTrial(null).run((p, b) -> 0));
    }
}
