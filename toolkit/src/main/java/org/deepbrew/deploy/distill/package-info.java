/**
 * Knowledge distillation: a small student learns from a teacher's softened probabilities.
 *
 * <p>{@link org.deepbrew.deploy.distill.SoftTargets} packs each example's hard label and the
 * teacher's probabilities at temperature T into one label row, so an ordinary
 * {@link org.deepbrew.data.InMemoryDataset} carries them into {@link org.deepbrew.train.Fit};
 * {@link org.deepbrew.deploy.distill.DistillationLoss} reads that row back:
 *
 * <pre>{@code
 * float[][] soft = SoftTargets.fromProbabilities(teacher.probabilities(texts), 2.0);
 * InMemoryDataset train = InMemoryDataset.builder().batchSize(32)
 *         .fromArrays(features, manager.create(SoftTargets.pack(labels, soft)));
 * Fit.of(student).loss(new DistillationLoss(0.7, 2.0)).train(train).validate(hardLabelled).run();
 * }</pre>
 */
package org.deepbrew.deploy.distill;
