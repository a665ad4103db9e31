package org.deepbrew.search;

/**
 * One evaluation of the objective.
 *
 * @param id      which configuration (the same id across successive-halving rungs)
 * @param params  the hyper-parameters tried
 * @param budget  the units of training it got
 * @param score   what the objective returned (NaN when it failed or diverged)
 * @param rung    0 for random search; the successive-halving round otherwise
 * @param seconds wall time of the evaluation
 */
public record Trial(int id, Params params, int budget, double score, int rung, double seconds)
        implements java.io.Serializable { // serializable so trials run elsewhere (Spark tasks) can report back

    /**
     * Scores {@code params} with {@code budget} units of training and times it: every search
     * strategy, local or on Spark, evaluates through here. A diverged run (a NaN or infinite score)
     * gets NaN and ranks last, rather than winning a "lower is better" search; an objective that
     * throws fails with a message naming the trial.
     */
    public static Trial measure(Objective objective, int id, Params params, int budget, int rung) {
        long t0 = System.nanoTime();
        double score;
        try {
            score = objective.score(params, budget);
        } catch (Exception e) {
            throw new IllegalStateException("trial #" + id + " " + params + " (budget " + budget + ") failed: " + e, e);
        }
        if (!Double.isFinite(score)) {
            score = Double.NaN;
        }
        return new Trial(id, params, budget, score, rung, (System.nanoTime() - t0) / 1e9);
    }
}
