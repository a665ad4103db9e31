/**
 * Recommenders from user behaviour: interaction logs to per-user sequences, honest baselines
 * (popularity, item co-occurrence, matrix factorisation), sequence models trained through
 * {@link org.deepbrew.train.Fit}, and ranking metrics over the full catalogue.
 *
 * <p>Every model is a {@link org.deepbrew.recsys.Recommender}.
 */
package org.deepbrew.recsys;
