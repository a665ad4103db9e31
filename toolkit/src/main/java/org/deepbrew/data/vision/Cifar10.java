package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 from its binary version: {@code data_batch_1.bin ... data_batch_5.bin} (TRAIN) and
 * {@code test_batch.bin} (TEST), each record 1 label byte + 3,072 pixel bytes (3 x 32 x 32, CHW).
 * Images are (3, 32, 32) with values in [0, 1]. Needs a network the first
 * time (about 170 MB), or {@link ImageSource.Builder#optDirectory} pointing at the unpacked
 * batches (or at their {@code cifar-10-batches-bin} parent).
 */
public final class Cifar10 extends ImageSource {
    /** Name of the data set in the manifest. */
    public static final String NAME = "cifar-10";
    private static final int RECORD = 1 + 3 * 32 * 32;
    private static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private Cifar10(Builder<?> b) {
        super(b, "CIFAR-10", CLASSES);
    }

    /** A builder; TRAIN usage unless told otherwise. */
    public static Builder<Cifar10> builder() {
        return new Builder<>(Cifar10::new);
    }

    /** The TRAIN part, from the data cache. */
    public static Cifar10 train() {
        return builder().build();
    }

    /** The TEST part, from the data cache. */
    public static Cifar10 test() {
        return builder().optUsage(Dataset.Usage.TEST).build();
    }

    @Override
    protected ImageSet load(Progress progress) throws IOException {
        boolean train = isTrain();
        Path root = resolve(NAME);
        Path dir = Files.isDirectory(root.resolve("cifar-10-batches-bin")) ? root.resolve("cifar-10-batches-bin") : root;
        List<Path> files = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                files.add(dir.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(dir.resolve("test_batch.bin"));
        }
        return read(files, progress);
    }

    /** Reads binary CIFAR-10 batch files into one image set. */
    public static ImageSet read(List<Path> files, Progress progress) throws IOException {
        long total = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("Missing CIFAR-10 batch " + f);
            }
            long size = Files.size(f);
            if (size % RECORD != 0) {
                throw new IOException(f + " is " + size + " bytes, not a whole number of "
                        + RECORD + "-byte records (truncated?)");
            }
            total += size / RECORD;
        }
        int n = Math.toIntExact(total);
        float[] pixels = new float[n * (RECORD - 1)];
        int[] labels = new int[n];
        int i = 0;
        byte[] rec = new byte[RECORD];
        if (progress != null) {
            progress.reset("Reading CIFAR-10", files.size());
        }
        for (Path f : files) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 20)) {
                while (in.readNBytes(rec, 0, RECORD) == RECORD) {
                    int label = rec[0] & 0xff;
                    if (label > 9) {
                        throw new IOException(f + " record " + i + " has label " + label + ", expected 0-9");
                    }
                    labels[i] = label;
                    int base = i * (RECORD - 1);
                    for (int k = 1; k < RECORD; k++) {
                        pixels[base + k - 1] = (rec[k] & 0xff) / 255f;
                    }
                    i++;
                }
            }
            if (progress != null) {
                progress.increment(1);
            }
        }
        if (progress != null) {
            progress.end();
        }
        return new ImageSet(pixels, labels, 3, 32, 32);
    }
}
