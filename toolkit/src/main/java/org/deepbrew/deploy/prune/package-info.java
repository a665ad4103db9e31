/**
 * Pruning: zeroing or removing weights so a model gets smaller.
 *
 * <p>{@link org.deepbrew.deploy.prune.MagnitudePruner} zeroes the smallest weights of chosen
 * parameters, ramping sparsity up along a {@link org.deepbrew.deploy.prune.SparsitySchedule} while
 * {@link org.deepbrew.train.Fit} fine-tunes, so the rest of the network adapts:
 *
 * <pre>{@code
 * try (MagnitudePruner pruner = MagnitudePruner.of(block, SparsitySchedule.cubic(0.8, 0, 200))) {
 *     Fit.of(model).listener(pruner).train(train).maxSteps(300).run();
 *     pruner.sparsity(); // 0.8
 * }
 * }</pre>
 *
 * <p>Unstructured zeros shrink the file once compressed (gzip) but give no speed-up on dense
 * kernels: a matrix multiply does the same work with zeros in it.
 */
package org.deepbrew.deploy.prune;
