package org.deepbrew.data.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;

import org.deepbrew.data.DatasetResolver;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;

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
    private static final Cleaner CLEANER = Cleaner.create();
    /** Which part of the data set this is. */
    protected final Dataset.Usage usage;
    private final NDManager manager;
    private final Path directory;
    private final DatasetResolver resolver;
    private ImageSet images;
    private final Cleaner.Cleanable freeing;

    protected InMemoryImageDataset(Builder<?> builder) {
        super(builder);
        this.usage = builder.usage;
        NDManager own = builder.manager == null ? NDManager.newBaseManager() : null;
        this.manager = own != null ? own : builder.manager;
        // Bound to the manager, not to this data set, so the data set can become unreachable.
        this.freeing = own != null ? CLEANER.register(this, own::close) : null;
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

    /** Loads the images for {@link #usage}; called once by {@link #prepare}. */
    protected abstract ImageSet load(Progress progress) throws IOException;

    /** The class names, indexed by label. */
    public abstract List<String> classNames();

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
     * What every image data set is built from: usage, the manager owning the arrays, and where the
     * files come from.
     *
     * @param <B> the concrete builder, returned by each setter
     */
    public abstract static class Builder<B extends Builder<B>> extends RandomAccessDataset.BaseBuilder<B> {
        private Dataset.Usage usage = Dataset.Usage.TRAIN;
        private NDManager manager;
        private Path directory;
        private DatasetResolver resolver;

        /** TRAIN (the default) or TEST. */
        public B optUsage(Dataset.Usage usage) {
            this.usage = usage;
            return self();
        }

        /** The manager owning the dataset's arrays (default: a new base manager). */
        public B optManager(NDManager manager) {
            this.manager = manager;
            return self();
        }

        /** Read the files from this folder instead of the data cache (the class documentation says which files). */
        public B optDirectory(Path directory) {
            this.directory = directory;
            return self();
        }

        /** Resolve the files through this resolver (e.g. a test cache) instead of the standard one. */
        public B optResolver(DatasetResolver resolver) {
            this.resolver = resolver;
            return self();
        }
    }
}
