/**
 * Hyper-parameter search: a {@link org.deepbrew.search.SearchSpace} to sample from, an
 * {@link org.deepbrew.search.Objective} that trains (through {@link org.deepbrew.train.Fit}) for a
 * given budget and returns a score, and the strategies that spend the budget:
 * {@link org.deepbrew.search.RandomSearch} and {@link org.deepbrew.search.SuccessiveHalving}.
 * {@link org.deepbrew.search.LrRangeTest} finds a learning rate before any search starts.
 */
package org.deepbrew.search;
