package org.deepbrew.data;

import ai.djl.training.dataset.Dataset;

import java.util.Random;

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

    /**
     * The order in which epoch {@code epoch} visits {@code n} items: 0..n-1, or, when
     * {@code shuffle}, a permutation drawn from {@code Random(seed + epoch)} (from an unseeded
     * random when {@code seed} is null), so a seeded data set repeats its epochs exactly.
     */
    static int[] epochOrder(int n, boolean shuffle, Long seed, int epoch) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (shuffle) {
            Random r = seed == null ? new Random() : new Random(seed + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }
}
