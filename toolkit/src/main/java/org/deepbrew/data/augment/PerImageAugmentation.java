package org.deepbrew.data.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * An augmentation that changes each image on its own, in Java, on a float array: for warps that
 * no single native operation does. Images of a batch are worked on in parallel, each with a
 * generator derived from the batch's draw and its position, so a seed gives the same images
 * however the work is spread over threads.
 */
public abstract class PerImageAugmentation implements Augmentation {
    private final Random random;

    /** An augmentation drawing from a generator seeded with {@code seed}. */
    protected PerImageAugmentation(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes the augmented copy of one image, {@code src[srcOffset ...]} (C x H x W), into
     * {@code dst[dstOffset ...]}; the two ranges never overlap.
     */
    protected abstract void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int c, int h, int w,
            Random random);

    @Override
    public NDArray apply(NDArray batch) {
        Shape shape = batch.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(this + " expects a batch of images (N, C, H, W), got shape " + shape);
        }
        int n = (int) shape.get(0);
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        int size = c * h * w;
        float[] src = batch.toType(DataType.FLOAT32, false).toFloatArray();
        float[] dst = new float[src.length];
        long draw;
        synchronized (random) {
            draw = random.nextLong();
        }
        IntStream images = IntStream.range(0, n);
        if (n >= 32) {
            images = images.parallel(); // worth the threads only for a real batch
        }
        images.forEach(k -> apply(src, k * size, dst, k * size, c, h, w, imageRandom(draw, k)));
        return batch.getManager().create(dst, shape);
    }

    /**
     * The generator for image {@code k} of a batch. Its seed is mixed (SplitMix64's finaliser)
     * because {@code Random}s with neighbouring seeds start with almost the same numbers: seeded
     * {@code draw + k}, every image of a batch would get nearly the same warp.
     */
    static Random imageRandom(long draw, int k) {
        long z = draw + (k + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
