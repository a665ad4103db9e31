package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test greyscale 28x28 images of clothing in 10
 * classes, read as images (1, 28, 28) with values in [0, 1] and a class index per image.
 *
 * <pre>{@code
 * InMemoryDataset train = InMemoryDataset.builder().batchSize(128).seed(1).from(FashionMnist.train());
 * }</pre>
 */
public final class FashionMnist extends ImageSource {
    /** Name of the data set in the manifest. */
    public static final String NAME = "fashion-mnist";
    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist(Builder<?> b) {
        super(b, "Fashion-MNIST", CLASSES);
    }

    /** A builder; TRAIN usage unless told otherwise. */
    public static Builder<FashionMnist> builder() {
        return new Builder<>(FashionMnist::new);
    }

    /** The TRAIN part, from the data cache. */
    public static FashionMnist train() {
        return builder().build();
    }

    /** The TEST part, from the data cache. */
    public static FashionMnist test() {
        return builder().optUsage(Dataset.Usage.TEST).build();
    }

    /** The ten class names, indexed by label. */
    public static List<String> classes() {
        return CLASSES;
    }

    @Override
    protected ImageSet load(Progress progress) throws IOException {
        String prefix = isTrain() ? "train" : "t10k";
        return readIdx(resolve(NAME), prefix, progress);
    }

    /** Reads {@code prefix-images-idx3-ubyte[.gz]} and {@code prefix-labels-idx1-ubyte[.gz]} from {@code dir}. */
    static ImageSet readIdx(Path dir, String prefix, Progress progress) throws IOException {
        if (progress != null) {
            progress.reset("Reading " + prefix + " images", 2);
        }
        Idx.Content images = Idx.read(existing(dir, prefix + "-images-idx3-ubyte"));
        if (progress != null) {
            progress.increment(1);
        }
        Idx.Content labels = Idx.read(existing(dir, prefix + "-labels-idx1-ubyte"));
        if (progress != null) {
            progress.increment(1);
            progress.end();
        }
        if (images.shape().length != 3 || labels.shape().length != 1) {
            throw new IOException("Expected 3-d images and 1-d labels in " + dir + ", got ranks "
                    + images.shape().length + " and " + labels.shape().length);
        }
        int n = images.count();
        if (labels.count() != n) {
            throw new IOException(dir + ": " + n + " images but " + labels.count() + " labels");
        }
        byte[] raw = images.data();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        int[] y = new int[n];
        byte[] rawLabels = labels.data();
        for (int i = 0; i < n; i++) {
            y[i] = rawLabels[i] & 0xff;
        }
        return new ImageSet(pixels, y, 1, images.shape()[1], images.shape()[2]);
    }

    private static Path existing(Path dir, String base) throws IOException {
        for (String name : new String[] {base + ".gz", base, base.replace("-idx", ".idx")}) {
            Path p = dir.resolve(name);
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("No " + base + "(.gz) in " + dir);
    }
}
