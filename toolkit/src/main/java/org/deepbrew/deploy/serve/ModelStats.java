package org.deepbrew.deploy.serve;

/**
 * What a server's worker did for one model since it started.
 *
 * @param model the model's name
 * @param requests requests queued (each one text or several)
 * @param texts texts sent to the model
 * @param batches calls of {@code TextModel.probabilities}
 * @param largestBatch the most texts in one call
 * @param refused requests turned away with 503 because the queue was full
 * @param failedBatches calls that threw, answered with 500
 * @param queued requests waiting right now
 */
public record ModelStats(String model, long requests, long texts, long batches, int largestBatch, long refused,
        long failedBatches, int queued) {

    /** Texts per model call on average: above 1 when batching grouped concurrent requests. */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) texts / batches;
    }
}
