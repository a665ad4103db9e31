package org.deepbrew.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;

import org.deepbrew.data.augment.Augmentation;
import org.deepbrew.data.table.TableArrays;
import org.deepbrew.data.vision.ImageSet;
import org.deepbrew.data.vision.ImageSource;
import org.deepbrew.engine.EngineTuning;

import tech.tablesaw.api.Table;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The data set for data that fits in memory: features and labels held in two native arrays, from
 * which each batch is gathered in one operation. Compared with stacking records one by one this
 * removes most per-batch Java work, which matters for small models where the network itself
 * takes a millisecond. It is built from whatever holds the data:
 *
 * <pre>{@code
 * InMemoryDataset train = InMemoryDataset.builder().batchSize(128).seed(1)
 *         .augment(Augmentations.flipAndShift(2, 1)).from(FashionMnist.train());
 * InMemoryDataset seeds = InMemoryDataset.builder().batchSize(16).from(table, "class");
 * }</pre>
 *
 * <p>Shuffling is reproducible: epoch {@code e} uses permutation {@code Random(seed + e)}.
 * Each batch lives in its own sub-manager, freed when the batch is closed. Augmentation and
 * {@link Builder#standardize standardization} apply per batch, so the stored data stays raw.
 *
 * <p>{@link #close()} frees the data; a data set that is dropped without closing (a notebook cell
 * run again assigns a new one to the same variable) is freed once the garbage collector finds it
 * unreachable, so re-running a cell does not pile up native memory.
 */
public final class InMemoryDataset implements BatchedDataset, AutoCloseable {
    private final NDManager manager;
    private NDArray features;
    private NDArray labels;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private Long seed;
    private final Augmentation augment;
    private final List<String> classNames;
    private final float[] standardize;
    private int epoch;
    private final Cleaner.Cleanable freeing;

    private InMemoryDataset(Builder b, NDArray features, NDArray labels, List<String> classNames) {
        this.manager = b.manager;
        // Bound to the manager, not to this data set, so the data set can become unreachable.
        this.freeing = EngineTuning.of(b.manager).freeWhenUnreachable(this, b.manager);
        this.features = features;
        this.labels = labels;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.dropLast = b.dropLast;
        this.seed = b.seed;
        this.augment = b.augment;
        this.standardize = b.standardize;
        this.classNames = List.copyOf(classNames);
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
    @Override
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

    /** The class names indexed by label, when the source had them (an image collection, a text label column); else empty. */
    public List<String> classNames() {
        return classNames;
    }

    /** Sets the shuffling seed unless the builder set one; {@code Fit} calls it for seeded runs. */
    @Override
    public void seedIfUnset(long s) {
        if (seed == null) {
            seed = s;
        }
    }

    /** Restarts the epoch counter so a second seeded run sees the same batches. */
    @Override
    public void rewind() {
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
        return BatchedDataset.epochOrder((int) size(), shuffle, seed, e);
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
            int[] pick = Arrays.copyOfRange(order, from, to);
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

    /** Builds an {@link InMemoryDataset} from arrays, images, a table or any DJL data set. */
    public static final class Builder {
        private NDManager manager;
        private int batchSize = 32;
        private boolean shuffle = true;
        private boolean dropLast;
        private Long seed;
        private Augmentation augment;
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

        /**
         * Augments the features of every batch, e.g. {@code Augmentations.flipAndShift(2, 1)}; for
         * training data only.
         */
        public Builder augment(Augmentation augment) {
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

        /**
         * Copies {@code features} (N, ...) and {@code labels} into the data set: labels are (N)
         * class indices or values, or (N, K) rows, such as the soft targets of
         * {@code org.deepbrew.deploy.distill.SoftTargets}, which a matching loss unpacks.
         */
        public InMemoryDataset fromArrays(NDArray features, NDArray labels) {
            return fromArrays(features, labels, List.of());
        }

        /** Copies one feature row per item and one label per item into the data set: features (N, F). */
        public InMemoryDataset fromArrays(float[][] features, float[] labels) {
            if (features.length == 0) {
                throw new IllegalArgumentException("no rows");
            }
            int width = features[0].length;
            float[] flat = new float[features.length * width];
            for (int i = 0; i < features.length; i++) {
                if (features[i].length != width) {
                    throw new IllegalArgumentException("row 0 has " + width + " features but row " + i + " has "
                            + features[i].length);
                }
                System.arraycopy(features[i], 0, flat, i * width, width);
            }
            return fromFloats(flat, new Shape(features.length, width), labels, List.of());
        }

        /** The images (N, C, H, W) and their class indices. */
        public InMemoryDataset from(ImageSet images) {
            return from(images, List.of());
        }

        /** Reads one part of an image collection, e.g. {@code FashionMnist.train()}, and keeps its class names. */
        public InMemoryDataset from(ImageSource source) throws IOException {
            return from(source.images(), source.classNames());
        }

        /**
         * One row per item: the numeric columns other than {@code labelColumn} become the features
         * (N, F), in table order, and {@code labelColumn} the label, its value for a numeric column
         * or a class index (classes in sorted order, see {@link InMemoryDataset#classNames}) for a
         * text column. Fails naming the column for a non-numeric feature or a missing value; drop
         * or encode such columns first.
         */
        public InMemoryDataset from(Table table, String labelColumn) {
            TableArrays arrays = TableArrays.of(table, labelColumn);
            return fromFloats(arrays.features(), new Shape(arrays.rows(), arrays.featureNames().size()),
                    arrays.labels(), arrays.classNames());
        }

        private InMemoryDataset from(ImageSet images, List<String> classNames) {
            float[] y = new float[images.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = images.label(i);
            }
            return fromFloats(images.pixels(), new Shape(images.size(), images.channels(), images.height(),
                    images.width()), y, classNames);
        }

        private InMemoryDataset fromFloats(float[] x, Shape shape, float[] y, List<String> classNames) {
            try (NDManager scratch = NDManager.newBaseManager()) {
                return fromArrays(scratch.create(FloatBuffer.wrap(x), shape), scratch.create(y), classNames);
            }
        }

        private InMemoryDataset fromArrays(NDArray features, NDArray labels, List<String> classNames) {
            long n = features.getShape().get(0);
            if (labels.getShape().get(0) != n) {
                throw new IllegalArgumentException("features have " + n + " rows but labels have "
                        + labels.getShape().get(0));
            }
            EngineTuning.current().releasePending(); // data sets earlier runs of this cell dropped
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
                try (NDArray index = manager.create(Arrays.copyOf(rows, keep))) {
                    x = features.get(index);
                    y = labels.get(index).toType(DataType.FLOAT32, true).reshape(labelShape(labels, n, keep));
                }
            } else {
                long keep = Math.min(n, limit);
                x = features.get("0:" + keep).duplicate();
                y = labels.get("0:" + keep).toType(DataType.FLOAT32, true).reshape(labelShape(labels, n, keep));
            }
            x.attach(manager);
            y.attach(manager);
            return new InMemoryDataset(this, x, y, classNames);
        }

        /** One label per item stays (keep); rows of several values per item keep their width. */
        private static Shape labelShape(NDArray labels, long n, long keep) {
            Shape s = labels.getShape();
            return s.size() == n ? new Shape(keep) : new Shape(keep).addAll(s.slice(1));
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
