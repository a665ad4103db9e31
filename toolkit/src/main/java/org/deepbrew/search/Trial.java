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
        implements java.io.Serializable {} // serializable so trials run elsewhere (Spark tasks) can report back
