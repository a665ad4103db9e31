package org.deepbrew.data;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.util.Progress;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A {@link BatchedDataset} of examples {@code 0..size-1} served in batches, each epoch in its own
 * seeded order: the bookkeeping every such data set shares (batch count, seed, epoch counter).
 * A subclass only builds one batch from the rows it is given, as text and item-sequence batches
 * do, filling each batch as it is read.
 */
public abstract class EpochBatches implements BatchedDataset {
    private final int size;
    private final int batchSize;
    private final boolean shuffle;
    private Long seed;
    private int epoch;

    /** {@code size} examples, {@code batchSize} per batch, shuffled each epoch when {@code shuffle}. */
    protected EpochBatches(int size, int batchSize, boolean shuffle, Long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.size = size;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /**
     * One batch of the examples {@code rows}, batch number {@code index} (from 1) of its epoch.
     * {@code random} is the epoch's own generator, seeded with the data set, for randomness a batch
     * needs (masking tokens afresh each epoch, for one).
     */
    protected abstract Batch batch(NDManager manager, int[] rows, Random random, int index);

    @Override
    public int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    @Override
    public void seedIfUnset(long s) {
        if (seed == null) {
            seed = s;
        }
    }

    @Override
    public void rewind() {
        epoch = 0;
    }

    @Override
    public void prepare(Progress progress) {
        // Examples are ready when the data set is built; batches are filled as they are read.
    }

    @Override
    public Iterable<Batch> getData(NDManager manager) {
        int e = epoch++;
        long base = seed == null ? new Random().nextLong() : seed;
        int[] order = BatchedDataset.epochOrder(size, shuffle, base, e);
        Random random = new Random(base + 31L * e + 17);
        return () -> new Iterator<>() {
            private int batches;

            @Override
            public boolean hasNext() {
                return batches * batchSize < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = batches++ * batchSize;
                int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                return batch(manager, rows, random, batches);
            }
        };
    }
}
