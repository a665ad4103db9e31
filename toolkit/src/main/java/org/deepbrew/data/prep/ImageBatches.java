package org.deepbrew.data.prep;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;

import org.deepbrew.data.vision.ImageSet;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fast mini-batches over an in-memory {@link ImageSet}: copies each batch's pixels straight out
 * of one float array (shuffled by a seed that changes per epoch), augments them in parallel, and
 * hands DJL one (N, C, H, W) array per batch.
 * <pre>{@code
 * ImageBatches batches = ImageBatches.of(train.images()).batchSize(128).shuffle(42)
 *         .augment(Augmentations.randomCrop(2, 1).then(Augmentations.horizontalFlip(2)));
 * for (Batch b : batches.epoch(manager, 0)) { ...; b.close(); }
 * }</pre>
 */
public final class ImageBatches {
    private final ImageSet images;
    private int batchSize = 128;
    private Long seed;
    private ImageAugmentation augmentation;
    private boolean dropLast;

    private ImageBatches(ImageSet images) {
        this.images = images;
    }

    /** Batches over {@code images}, in order, batch size 128, no augmentation. */
    public static ImageBatches of(ImageSet images) {
        return new ImageBatches(images);
    }

    /** Images per batch. */
    public ImageBatches batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Shuffle every epoch; epoch e uses seed {@code seed + e}, so runs repeat. */
    public ImageBatches shuffle(long seed) {
        this.seed = seed;
        return this;
    }

    /** Apply {@code augmentation} to every image as it is batched. */
    public ImageBatches augment(ImageAugmentation augmentation) {
        this.augmentation = augmentation;
        return this;
    }

    /** Skip a final batch smaller than the batch size. */
    public ImageBatches dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /** Number of batches per epoch. */
    public int batchesPerEpoch() {
        int n = images.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batches of epoch {@code epoch}; each batch's arrays belong to a sub-manager of {@code manager}. */
    public Iterable<Batch> epoch(NDManager manager, int epoch) {
        int n = images.size();
        int[] order = seed == null ? IntStream.range(0, n).toArray() : Splits.shuffled(n, new Random(seed + epoch));
        long augSeed = (seed == null ? 0 : seed) * 31 + epoch;
        return () -> new Iterator<>() {
            private int batch;

            @Override
            public boolean hasNext() {
                return batch < batchesPerEpoch();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = batch * batchSize;
                int to = Math.min(n, from + batchSize);
                Batch b = make(manager, order, from, to, augSeed * 1_000_003L + batch);
                batch++;
                return b;
            }
        };
    }

    private Batch make(NDManager manager, int[] order, int from, int to, long batchSeed) {
        int size = images.imageSize();
        int count = to - from;
        float[] src = images.pixels();
        float[] x = new float[count * size];
        float[] y = new float[count];
        int c = images.channels();
        int h = images.height();
        int w = images.width();
        IntStream range = IntStream.range(0, count);
        if (augmentation != null && count >= 32) {
            range = range.parallel();
        }
        range.forEach(k -> {
            int i = order[from + k];
            y[k] = images.label(i);
            if (augmentation == null) {
                System.arraycopy(src, i * size, x, k * size, size);
            } else {
                // One generator per image, derived from the batch seed: the same seed gives the
                // same images however the work is spread over threads.
                augmentation.apply(src, i * size, x, k * size, c, h, w, new Random(batchSeed * 7919 + k));
            }
        });
        NDManager sub = manager.newSubManager();
        NDList data = new NDList(sub.create(x, new Shape(count, c, h, w)));
        NDList labels = new NDList(sub.create(y));
        return new Batch(sub, data, labels, count, Batchifier.STACK, Batchifier.STACK, from / batchSize,
                batchesPerEpoch());
    }
}
