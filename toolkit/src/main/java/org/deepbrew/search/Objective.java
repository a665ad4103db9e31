package org.deepbrew.search;

/**
 * What a search optimizes: train with {@code params} for {@code budget} units (epochs, usually,
 * through {@link org.deepbrew.train.Fit}) and return the score, e.g. the validation accuracy
 * from {@code history.last().valAccuracy()}. Whether higher is better is the search's setting.
 */
@FunctionalInterface
public interface Objective {
    /** The score of {@code params} after {@code budget} units of training. */
    double score(Params params, int budget) throws Exception;
}
