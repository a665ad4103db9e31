package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.deepbrew.data.prep.Augmentations;
import org.deepbrew.data.prep.ImageAugmentation;

import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Batch-level image augmentation for NCHW batches, done with a few native operations per
 * batch rather than per image so it costs little next to the network.
 */
public final class Augment {
    private Augment() {}

    /**
     * Mirrors each image left-right with probability ½ and shifts the batch by a random offset of
     * up to {@code maxShift} pixels in x and y (zero padding). Mirroring suits clothing
     * and natural images; do not use it for digits, where a mirrored 2 is not a 2.
     */
    public static UnaryOperator<NDArray> flipAndShift(int maxShift, long seed) {
        Random random = new Random(seed);
        return x -> shift(flip(x, random), maxShift, random);
    }

    /** Shifts only (no mirroring): safe for digits. */
    public static UnaryOperator<NDArray> shift(int maxShift, long seed) {
        Random random = new Random(seed);
        return x -> shift(x, maxShift, random);
    }

    /**
     * Warps each image by its own random affine map (rotation, scaling, shift): see
     * {@link Augmentations#affine}. Unlike {@link #shift}, which moves the whole batch as one,
     * every image gets its own warp, so each epoch shows the network new variants of every digit.
     */
    public static UnaryOperator<NDArray> affine(double maxDegrees, double maxScale, double maxShift, long seed) {
        return perImage(Augmentations.affine(maxDegrees, maxScale, maxShift, seed));
    }

    /** A random affine warp plus an elastic distortion for each image: see {@link Augmentations#elastic}. */
    public static UnaryOperator<NDArray> elastic(double maxDegrees, double maxScale, double maxShift,
                                                 double alpha, double sigma, long seed) {
        return perImage(Augmentations.elastic(maxDegrees, maxScale, maxShift, alpha, sigma, seed));
    }

    /** Applies an image augmentation to every image of an NCHW batch, the only input this class takes. */
    private static UnaryOperator<NDArray> perImage(ImageAugmentation augmentation) {
        return x -> {
            if (x.getShape().dimension() != 4) {
                throw new IllegalArgumentException("expected an NCHW batch, got shape " + x.getShape());
            }
            return augmentation.transform(x);
        };
    }

    static NDArray flip(NDArray x, Random random) {
        long n = x.getShape().get(0);
        float[] mask = new float[(int) n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextBoolean() ? 1f : 0f;
        }
        NDManager m = x.getManager();
        NDArray m4 = m.create(mask, new Shape(n, 1, 1, 1));
        NDArray flipped = x.flip(3);
        // mask * flipped + (1 - mask) * x, per image.
        return flipped.sub(x).mul(m4).add(x);
    }

    static NDArray shift(NDArray x, int maxShift, Random random) {
        if (maxShift <= 0) {
            return x;
        }
        int dy = random.nextInt(2 * maxShift + 1) - maxShift;
        int dx = random.nextInt(2 * maxShift + 1) - maxShift;
        if (dx == 0 && dy == 0) {
            return x;
        }
        Shape s = x.getShape();
        long h = s.get(2);
        long w = s.get(3);
        NDArray out = x.zerosLike();
        NDIndex dst = new NDIndex(":, :, " + Math.max(0, dy) + ":" + (h + Math.min(0, dy))
                + ", " + Math.max(0, dx) + ":" + (w + Math.min(0, dx)));
        NDIndex src = new NDIndex(":, :, " + Math.max(0, -dy) + ":" + (h + Math.min(0, -dy))
                + ", " + Math.max(0, -dx) + ":" + (w + Math.min(0, -dx)));
        out.set(dst, x.get(src));
        return out;
    }
}
