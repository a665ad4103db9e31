/**
 * Training in a few lines: {@link org.deepbrew.train.Fit} drives DJL's {@code Trainer} with
 * progress, history, early stopping, best-model checkpoints, learning-rate schedules, gradient
 * clipping and seeded, repeatable runs. {@link org.deepbrew.train.InMemoryDataset} keeps a data
 * set in one native array and slices batches from it, which keeps per-batch Java work small.
 */
package org.deepbrew.train;
