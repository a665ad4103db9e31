/**
 * Recommenders from user behaviour: interaction logs to per-user sequences, honest baselines
 * (popularity, item co-occurrence, matrix factorisation), sequence models trained through
 * {@link org.deepbrew.train.Fit}, and ranking metrics over the full catalogue.
 *
 * <p>Every model is a {@link org.deepbrew.recsys.Recommender}. The path from a ratings table to a
 * comparison:
 *
 * <pre>{@code
 * InteractionLog log = InteractionLog.fromMovieLens(ratings).filter(LogFilter.keepAll());
 * LeaveLastOutSplit split = LeaveLastOutSplit.of(log.toSequences());
 * Recommender knn = ItemKnnRecommender.fit(split.trainingSequences(), split.itemCount());
 * RankingResult r = RankingEvaluator.atK(10).evaluate(knn, split.testCases());
 * Table t = RankingResult.table(List.of(r));
 * }</pre>
 */
package org.deepbrew.recsys;
