package org.deepbrew.train;

/**
 * What one epoch produced. Accuracies are NaN when the task is not classification; validation
 * fields are NaN without a validation set.
 *
 * @param epoch          1-based epoch number
 * @param trainLoss      mean training loss over the epoch's batches, weighted by batch size
 * @param trainAccuracy  fraction of training items classified right (during training)
 * @param valLoss        mean validation loss
 * @param valAccuracy    validation accuracy
 * @param itemsPerSecond training throughput, data pipeline included
 * @param seconds        wall time of the epoch, validation included
 * @param learningRate   learning rate at the end of the epoch where a {@link Schedule} is known, else NaN
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss,
                          double valAccuracy, double itemsPerSecond, double seconds, double learningRate) {}
