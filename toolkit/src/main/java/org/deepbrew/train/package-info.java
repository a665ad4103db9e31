/**
 * Training in a few lines: {@link org.deepbrew.train.Fit} is the one training loop. It drives
 * DJL's {@code Trainer} for every model (MLPs, CNNs, BERT fine-tuning and masked-LM pretraining,
 * the bag-of-words baseline) with progress, history, early stopping, best-model checkpoints,
 * learning-rate schedules, gradient clipping and seeded, repeatable runs. What differs per model
 * is the data set it is given ({@link org.deepbrew.data.InMemoryDataset} for arrays, images and
 * tables; {@code nlp.bert.BertBatches} for text) and the loss.
 */
package org.deepbrew.train;
