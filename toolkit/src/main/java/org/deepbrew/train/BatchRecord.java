package org.deepbrew.train;

/**
 * What one training batch produced.
 *
 * @param epoch          1-based epoch
 * @param step           1-based optimizer step, counted across epochs
 * @param loss           mean loss over the batch
 * @param accuracy       fraction right in the batch (NaN when not classification)
 * @param items          batch size
 * @param itemsPerSecond throughput of this batch, data pipeline included
 */
public record BatchRecord(int epoch, int step, double loss, double accuracy, int items, double itemsPerSecond) {}
