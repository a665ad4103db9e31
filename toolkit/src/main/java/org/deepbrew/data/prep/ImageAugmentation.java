package org.deepbrew.data.prep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;

import java.util.Random;

/**
 * A random image change that keeps the label true: a small shift, a mirror, a slight turn.
 * Works on plain float arrays (one image, channels x height x width) for the fast in-memory
 * iterator, and is a DJL {@link Transform} for datasets' pipelines (seeded, so runs repeat).
 */
public abstract class ImageAugmentation implements Transform {
    private final Random random;

    /** An augmentation whose DJL {@link #transform} draws from a generator seeded with {@code seed}. */
    protected ImageAugmentation(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes the augmented copy of {@code src[srcOffset ...]} into {@code dst[dstOffset ...]}.
     * The two ranges never overlap.
     */
    public abstract void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int c, int h, int w,
            Random random);

    /** Applies this augmentation, then {@code next}. */
    public ImageAugmentation then(ImageAugmentation next) {
        ImageAugmentation first = this;
        return new ImageAugmentation(0) {
            @Override
            public void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                float[] mid = new float[c * h * w];
                first.apply(src, so, mid, 0, c, h, w, r);
                next.apply(mid, 0, dst, dOff, c, h, w, r);
            }

            @Override
            public String toString() {
                return first + " → " + next;
            }
        };
    }

    /**
     * DJL entry point: an image (C, H, W) or (H, W), or a batch (N, C, H, W). The result is a new
     * float32 array of the same shape on the same manager.
     */
    @Override
    public NDArray transform(NDArray array) {
        Shape shape = array.getShape();
        int rank = shape.dimension();
        if (rank < 2 || rank > 4) {
            throw new IllegalArgumentException("Expected an image (C,H,W) or (H,W) or a batch (N,C,H,W), got " + shape);
        }
        int h = (int) shape.get(rank - 2);
        int w = (int) shape.get(rank - 1);
        int c = rank >= 3 ? (int) shape.get(rank - 3) : 1;
        int n = rank == 4 ? (int) shape.get(0) : 1;
        float[] src = array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] dst = new float[src.length];
        int size = c * h * w;
        synchronized (random) {
            for (int i = 0; i < n; i++) {
                apply(src, i * size, dst, i * size, c, h, w, random);
            }
        }
        return array.getManager().create(dst, shape);
    }
}
