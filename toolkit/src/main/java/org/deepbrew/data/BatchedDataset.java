package org.deepbrew.data;

import ai.djl.training.dataset.Dataset;

/**
 * A data set that knows how many batches an epoch has and shuffles reproducibly. {@code Fit}
 * reads the first to size its progress bar and calls the others when a run is seeded, so two
 * seeded runs see the same batches in the same order.
 */
public interface BatchedDataset extends Dataset {
    /** Batches in one epoch. */
    int batchesPerEpoch();

    /** Seeds the shuffling, unless the data set was built with a seed of its own. */
    void seedIfUnset(long seed);

    /** Starts again from the first epoch's order. */
    void rewind();
}
