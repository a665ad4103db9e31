package org.deepbrew.search;

import java.util.Locale;
import java.util.function.Consumer;

/** Runs one evaluation of an objective and reports it: shared by every search strategy. */
final class Trials {
    private Trials() {}

    static Trial run(Objective objective, int id, Params params, int budget, int rung, Consumer<Trial> onTrial) {
        long t0 = System.nanoTime();
        double score;
        try {
            score = objective.score(params, budget);
        } catch (RuntimeException e) {
            throw new IllegalStateException("trial #" + id + " " + params + " (budget " + budget + ") failed: " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException("trial #" + id + " " + params + " (budget " + budget + ") failed: " + e, e);
        }
        // A diverged run (NaN or infinite loss) ranks last rather than winning a "lower is better" search.
        if (!Double.isFinite(score)) {
            score = Double.NaN;
        }
        Trial t = new Trial(id, params, budget, score, rung, (System.nanoTime() - t0) / 1e9);
        if (onTrial != null) {
            onTrial.accept(t);
        }
        return t;
    }

    /** The default progress line: one per trial. */
    static Consumer<Trial> printer() {
        return t -> System.out.printf(Locale.ROOT, "trial #%d rung %d budget %d  score %.4f  %.1f s  %s%n",
                t.id(), t.rung(), t.budget(), t.score(), t.seconds(), t.params());
    }
}
