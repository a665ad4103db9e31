package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

import org.deepbrew.data.DatasetResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Where a labelled image collection comes from (files in the data cache, or a folder of the
 * user's) and how to read one part of it, TRAIN or TEST, into an {@link ImageSet}. It holds no
 * native memory: {@code InMemoryDataset.builder().from(source)} turns it into batches.
 *
 * <pre>{@code
 * InMemoryDataset train = InMemoryDataset.builder().batchSize(128).from(FashionMnist.train());
 * ImageSet local = Cifar10.builder().optUsage(Dataset.Usage.TEST).optDirectory(dir).build().images();
 * }</pre>
 */
public abstract class ImageSource {
    private final Dataset.Usage usage;
    private final String title;
    private final List<String> classNames;
    private final Path directory;
    private final DatasetResolver resolver;
    private ImageSet images;

    /**
     * @param title      the collection's name in messages, e.g. "CIFAR-10"
     * @param classNames the class names, indexed by label
     */
    protected ImageSource(Builder<?> builder, String title, List<String> classNames) {
        this.usage = builder.usage;
        this.title = title;
        this.classNames = List.copyOf(classNames);
        this.directory = builder.directory;
        this.resolver = builder.resolver;
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The part, TRAIN or TEST, this source reads. */
    public Dataset.Usage usage() {
        return usage;
    }

    /** The images and labels of this part, read on the first call and kept. */
    public synchronized ImageSet images() throws IOException {
        if (images == null) {
            images = load(null);
        }
        return images;
    }

    /** Reads the images of {@link #usage}; called once by {@link #images}. */
    protected abstract ImageSet load(Progress progress) throws IOException;

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
     * True for the TRAIN part, false for TEST; these collections have no other part, so any other
     * usage fails here, before anything is read.
     */
    protected boolean isTrain() {
        if (usage != Dataset.Usage.TRAIN && usage != Dataset.Usage.TEST) {
            throw new IllegalArgumentException(title + " has TRAIN and TEST parts, not " + usage
                    + "; split TRAIN with org.deepbrew.data.prep.Splits for validation");
        }
        return usage == Dataset.Usage.TRAIN;
    }

    @Override
    public String toString() {
        return title + " " + usage;
    }

    /**
     * Says which part to read and where the files come from.
     *
     * @param <S> the source it builds
     */
    public static final class Builder<S extends ImageSource> {
        private final Function<Builder<S>, S> factory;
        private Dataset.Usage usage = Dataset.Usage.TRAIN;
        private Path directory;
        private DatasetResolver resolver;

        Builder(Function<Builder<S>, S> factory) {
            this.factory = factory;
        }

        /** TRAIN (the default) or TEST. */
        public Builder<S> optUsage(Dataset.Usage usage) {
            this.usage = usage;
            return this;
        }

        /** Read the files from this folder instead of the data cache (the class documentation says which files). */
        public Builder<S> optDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Resolve the files through this resolver (e.g. a test cache) instead of the standard one. */
        public Builder<S> optResolver(DatasetResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        /** The source; nothing is read until {@link ImageSource#images()}. */
        public S build() {
            return factory.apply(this);
        }
    }
}
