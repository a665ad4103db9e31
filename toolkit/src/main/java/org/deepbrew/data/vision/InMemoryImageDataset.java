package org.deepbrew.data.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;

import org.deepbrew.data.DatasetResolver;

import org.deepbrew.engine.DeferredRelease;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A DJL dataset whose images all fit in memory: on {@link #prepare} it loads an {@link ImageSet}
 * and hands DJL two arrays (images N x C x H x W, labels N), so DJL batches by slicing instead of
 * stacking one record at a time.
 *
 * <p>The arrays live in the manager given to the builder, or else in one of the data set's own,
 * which {@link #close()} frees, as does the garbage collector once the data set is unreachable
 * (typically right after {@code InMemoryDataset.builder().from(FashionMnist.builder()...build())}
 * has copied it).
 */
public abstract class InMemoryImageDataset extends ArrayDataset implements AutoCloseable {
    /** Which part of the data set this is. */
    protected final Dataset.Usage usage;
    private final String title;
    private final List<String> classNames;
    private final NDManager manager;
    private final Path directory;
    private final DatasetResolver resolver;
    private ImageSet images;
    private final Cleaner.Cleanable freeing;

    /**
     * @param title      the data set's name in messages, e.g. "CIFAR-10"
     * @param classNames the class names, indexed by label
     */
    protected InMemoryImageDataset(Builder<?> builder, String title, List<String> classNames) {
        super(builder);
        this.usage = builder.usage;
        this.title = title;
        this.classNames = List.copyOf(classNames);
        DeferredRelease.releasePending(); // data sets earlier runs of this cell dropped
        NDManager own = builder.manager == null ? NDManager.newBaseManager() : null;
        this.manager = own != null ? own : builder.manager;
        // Bound to the manager, not to this data set, so the data set can become unreachable.
        this.freeing = own != null ? DeferredRelease.whenUnreachable(this, own) : null;
        this.directory = builder.directory;
        this.resolver = builder.resolver;
    }

    /** The folder given with {@link Builder#optDirectory}, or null when the files come from the data cache. */
    protected Path directory() {
        return directory;
    }

    /** The folder to read: the one given with {@link Builder#optDirectory}, else data set {@code name} resolved. */
    protected Path resolve(String name) throws IOException {
        return directory != null ? directory
                : (resolver != null ? resolver : DatasetResolver.standard()).resolve(name);
    }

    /**
     * True for the TRAIN part, false for TEST; these data sets have no other part, so any other
     * usage fails here, before anything is read.
     */
    protected boolean isTrain() {
        if (usage != Dataset.Usage.TRAIN && usage != Dataset.Usage.TEST) {
            throw new IllegalArgumentException(title + " has TRAIN and TEST parts, not " + usage
                    + "; split TRAIN with org.deepbrew.data.prep.Splits for validation");
        }
        return usage == Dataset.Usage.TRAIN;
    }

    /** Loads the images for {@link #usage}; called once by {@link #prepare}. */
    protected abstract ImageSet load(Progress progress) throws IOException;

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The usage (TRAIN, TEST, ...) this dataset was built for. */
    public Dataset.Usage usage() {
        return usage;
    }

    @Override
    public synchronized void prepare(Progress progress) throws IOException {
        if (images != null) {
            return;
        }
        ImageSet set = load(progress);
        NDArray x = manager.create(FloatBuffer.wrap(set.pixels()),
                new Shape(set.size(), set.channels(), set.height(), set.width()));
        float[] y = new float[set.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = set.label(i);
        }
        data = new NDArray[] {x};
        labels = new NDArray[] {manager.create(y)};
        images = set;
    }

    /**
     * Frees the arrays when the data set owns its manager (none was given to the builder); a
     * manager given to the builder stays its owner's to close.
     */
    @Override
    public void close() {
        if (freeing != null) {
            freeing.clean();
        }
    }

    /** The images as plain arrays (prepares the dataset if needed); ignores {@code optLimit}. */
    public ImageSet images() throws IOException {
        prepare(null);
        return images;
    }

    @Override
    protected long availableSize() {
        if (data == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not prepared: call prepare() first");
        }
        return super.availableSize();
    }

    /**
     * Builds one kind of image data set: usage, the manager owning the arrays, where the files come
     * from, and DJL's sampling options.
     *
     * @param <D> the data set it builds
     */
    public static final class Builder<D extends InMemoryImageDataset> extends RandomAccessDataset.BaseBuilder<Builder<D>> {
        private final Function<Builder<D>, D> factory;
        private Dataset.Usage usage = Dataset.Usage.TRAIN;
        private NDManager manager;
        private Path directory;
        private DatasetResolver resolver;

        Builder(Function<Builder<D>, D> factory) {
            this.factory = factory;
        }

        @Override
        protected Builder<D> self() {
            return this;
        }

        /** TRAIN (the default) or TEST. */
        public Builder<D> optUsage(Dataset.Usage usage) {
            this.usage = usage;
            return this;
        }

        /** The manager owning the dataset's arrays (default: a new base manager). */
        public Builder<D> optManager(NDManager manager) {
            this.manager = manager;
            return this;
        }

        /** Read the files from this folder instead of the data cache (the class documentation says which files). */
        public Builder<D> optDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Resolve the files through this resolver (e.g. a test cache) instead of the standard one. */
        public Builder<D> optResolver(DatasetResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /** The dataset; call {@code prepare} before use. */
        public D build() {
            if (sampler == null) {
                throw new IllegalStateException("Call setSampling(batchSize, shuffle) before build(): it says how "
                        + "the data set is cut into batches");
            }
            return factory.apply(this);
        }
    }
}
