package org.deepbrew.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;

import org.deepbrew.engine.DeferredRelease;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A data set held in two native arrays (features and labels) from which each batch is gathered
 * in one operation. Compared with stacking records one by one this removes most per-batch Java
 * work, which matters for small models where the network itself takes a millisecond.
 *
 * <p>Shuffling is reproducible: epoch {@code e} uses permutation {@code Random(seed + e)}.
 * Each batch lives in its own sub-manager, freed when the batch is closed.
 *
 * <p>{@link #close()} frees the data; a data set that is dropped without closing (a notebook cell
 * run again assigns a new one to the same variable) is freed once the garbage collector finds it
 * unreachable, so re-running a cell does not pile up native memory.
 */
public final class InMemoryDataset implements Dataset, AutoCloseable {
    private final NDManager manager;
    private NDArray features;
    private NDArray labels;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private Long seed;
    private final UnaryOperator<NDArray> augment;
    private final float[] standardize;
    private int epoch;
    private final Cleaner.Cleanable freeing;

    private InMemoryDataset(Builder b, NDArray features, NDArray labels) {
        this.manager = b.manager;
        // Bound to the manager, not to this data set, so the data set can become unreachable.
        this.freeing = DeferredRelease.whenUnreachable(this, b.manager);
        this.features = features;
        this.labels = labels;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.dropLast = b.dropLast;
        this.seed = b.seed;
        this.augment = b.augment;
        this.standardize = b.standardize;
    }

    /** Starts a builder; the data set owns a new manager, freed by {@link #close()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of items. */
    public long size() {
        return features.getShape().get(0);
    }

    /** Batches per epoch with the configured batch size. */
    public int batchesPerEpoch() {
        long n = size();
        return (int) (dropLast ? n / batchSize : (n + batchSize - 1) / batchSize);
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** All features, shape (N, ...), owned by this data set. */
    public NDArray features() {
        return features;
    }

    /** All labels, shape (N), owned by this data set. */
    public NDArray labels() {
        return labels;
    }

    /** Sets the shuffling seed unless the builder set one; {@link Fit} calls it for seeded runs. */
    void seedIfUnset(long s) {
        if (seed == null) {
            seed = s;
        }
    }

    /** Restarts the epoch counter so a second seeded run sees the same batches. */
    void rewind() {
        epoch = 0;
    }

    @Override
    public void prepare(Progress progress) {
        // Already in memory.
    }

    @Override
    public Iterable<Batch> getData(NDManager target) {
        Device device = target.getDevice();
        if (!features.getDevice().equals(device)) {
            features = moved(features, device);
            labels = moved(labels, device);
        }
        int[] order = order(epoch++);
        return () -> new BatchIterator(target, order);
    }

    private NDArray moved(NDArray a, Device device) {
        NDArray m = a.toDevice(device, true);
        m.attach(manager);
        a.close();
        return m;
    }

    int[] order(int e) {
        int n = (int) size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (shuffle) {
            Random r = seed == null ? new Random() : new Random(seed + e);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }

    private final class BatchIterator implements Iterator<Batch> {
        private final NDManager target;
        private final int[] order;
        private final int batches;
        private int next;

        BatchIterator(NDManager target, int[] order) {
            this.target = target;
            this.order = order;
            this.batches = batchesPerEpoch();
        }

        @Override
        public boolean hasNext() {
            return next < batches;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int from = next * batchSize;
            int to = Math.min(order.length, from + batchSize);
            next++;
            NDManager sub = target.newSubManager();
            int[] pick = java.util.Arrays.copyOfRange(order, from, to);
            NDArray index = sub.create(pick);
            NDArray x = features.get(index);
            NDArray y = labels.get(index);
            x.attach(sub);
            y.attach(sub);
            if (augment != null) {
                x = augment.apply(x);
                x.attach(sub);
            }
            if (standardize != null) {
                // After augmentation, so warps pad with the true background (0), not a shifted one.
                x = x.sub(standardize[0]).div(standardize[1]);
                x.attach(sub);
            }
            return new Batch(sub, new NDList(x), new NDList(y), to - from,
                    Batchifier.STACK, Batchifier.STACK, next, batches);
        }
    }

    @Override
    public void close() {
        freeing.clean();
    }

    /** Builds an {@link InMemoryDataset} from arrays or from any DJL data set. */
    public static final class Builder {
        private NDManager manager;
        private int batchSize = 32;
        private boolean shuffle = true;
        private boolean dropLast;
        private Long seed;
        private UnaryOperator<NDArray> augment;
        private long limit = Long.MAX_VALUE;
        private int[] rows;
        private float[] standardize;

        private Builder() {}

        /** Items per batch (default 32). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch reshuffles (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Drop the last, smaller batch (default false). */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Seed for the shuffling order; without one each run shuffles differently. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Keep only the first {@code n} items. */
        public Builder limit(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + n);
            }
            this.limit = n;
            return this;
        }

        /**
         * Keep only these rows of the source, in this order: one part of a split such as
         * {@code Splits.stratified(labels, 7000, seed).first()}. Applied before {@link #limit}.
         */
        public Builder rows(int[] rows) {
            this.rows = rows.clone();
            return this;
        }

        /** A batch transform applied to training features, e.g. {@link Augment#flipAndShift}. */
        public Builder augment(UnaryOperator<NDArray> augment) {
            this.augment = augment;
            return this;
        }

        /**
         * Serves features as {@code (x - mean) / std}, computed per batch after any augmentation,
         * while {@link #features()} keeps the raw values (for pictures). Inputs centred on zero with
         * unit spread suit sigmoid and tanh units, whose gradients vanish away from zero. Use the
         * training set's mean and standard deviation for every split.
         */
        public Builder standardize(float mean, float std) {
            if (!(std > 0) || !Float.isFinite(mean) || Float.isInfinite(std)) {
                throw new IllegalArgumentException("need a finite mean and a positive std; got " + mean + ", " + std);
            }
            this.standardize = new float[] {mean, std};
            return this;
        }

        /** Copies {@code features} (N, ...) and {@code labels} (N) into the data set. */
        public InMemoryDataset fromArrays(NDArray features, NDArray labels) {
            long n = features.getShape().get(0);
            if (labels.getShape().get(0) != n) {
                throw new IllegalArgumentException("features have " + n + " rows but labels have "
                        + labels.getShape().get(0));
            }
            DeferredRelease.releasePending(); // data sets earlier runs of this cell dropped
            manager = NDManager.newBaseManager(features.getDevice());
            NDArray x;
            NDArray y;
            if (rows != null) {
                for (int r : rows) {
                    if (r < 0 || r >= n) {
                        throw new IllegalArgumentException("row " + r + " is outside 0.." + (n - 1));
                    }
                }
                int keep = (int) Math.min(rows.length, limit);
                try (NDArray index = manager.create(java.util.Arrays.copyOf(rows, keep))) {
                    x = features.get(index);
                    y = labels.get(index).toType(DataType.FLOAT32, true).reshape(keep);
                }
            } else {
                long keep = Math.min(n, limit);
                x = features.get("0:" + keep).duplicate();
                y = labels.get("0:" + keep).toType(DataType.FLOAT32, true).reshape(keep);
            }
            x.attach(manager);
            y.attach(manager);
            return new InMemoryDataset(this, x, y);
        }

        /**
         * Reads every batch of {@code source} (a DJL data set such as {@code FashionMnist}) once
         * and keeps the data in memory. The source's own batch size and order do not matter.
         */
        public InMemoryDataset from(Dataset source) throws IOException, TranslateException {
            source.prepare();
            try (NDManager scratch = NDManager.newBaseManager()) {
                List<NDArray> xs = new ArrayList<>();
                List<NDArray> ys = new ArrayList<>();
                long have = 0;
                for (Batch b : source.getData(scratch)) {
                    if (rows == null && have >= limit) {
                        b.close();
                        break;
                    }
                    NDArray x = b.getData().singletonOrThrow();
                    NDArray y = b.getLabels().singletonOrThrow();
                    x.attach(scratch);
                    y.attach(scratch);
                    xs.add(x);
                    ys.add(y.reshape(y.getShape().get(0)));
                    have += x.getShape().get(0);
                    b.close();
                }
                if (xs.isEmpty()) {
                    throw new IllegalArgumentException("the source data set produced no batches");
                }
                NDArray x = NDArrays.concat(new NDList(xs));
                NDArray y = NDArrays.concat(new NDList(ys));
                return fromArrays(x, y);
            }
        }
    }
}
