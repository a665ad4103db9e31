package org.deepbrew.data.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A DJL dataset whose images all fit in memory: on {@link #prepare} it loads an {@link ImageSet}
 * and hands DJL two arrays (images N x C x H x W, labels N), so DJL batches by slicing instead of
 * stacking one record at a time.
 */
public abstract class InMemoryImageDataset extends ArrayDataset {
    /** Which part of the data set this is. */
    protected final Dataset.Usage usage;
    private final NDManager manager;
    private ImageSet images;

    protected InMemoryImageDataset(BaseBuilder<?> builder, Dataset.Usage usage, NDManager manager) {
        super(builder);
        this.usage = usage;
        this.manager = manager;
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
}
