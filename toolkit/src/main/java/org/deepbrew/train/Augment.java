package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

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
     * Warps each image by its own random affine map, the classic augmentation for digits: a
     * rotation of up to {@code maxDegrees}, a scaling by up to ±{@code maxScale} (0.1 = 10 %) and
     * a shift of up to {@code maxShift} pixels in x and y, resampled bilinearly with zero padding.
     * Unlike {@link #shift}, which moves the whole batch as one, every image gets its own warp, so
     * each epoch shows the network new variants of every digit.
     */
    public static UnaryOperator<NDArray> affine(double maxDegrees, double maxScale, double maxShift, long seed) {
        checkAffine(maxDegrees, maxScale, maxShift);
        Random random = new Random(seed);
        return x -> perImage(x, (h, w) -> randomAffine(random, maxDegrees, maxScale, maxShift, h, w));
    }

    /**
     * Elastic distortion (Simard, Steinkraus and Platt, 2003) after a random affine warp: each
     * pixel is displaced by a random field smoothed with a Gaussian of width {@code sigma} pixels
     * and scaled by {@code alpha}, which imitates the wobble of handwriting. Smoothed fields are
     * drawn from a bank of {@value Warp#FIELD_BANK} made once, so a batch costs a few
     * multiply-adds per pixel.
     */
    public static UnaryOperator<NDArray> elastic(double maxDegrees, double maxScale, double maxShift,
                                                 double alpha, double sigma, long seed) {
        if (alpha < 0 || !(sigma > 0)) {
            throw new IllegalArgumentException("need alpha >= 0 and sigma > 0; got " + alpha + ", " + sigma);
        }
        checkAffine(maxDegrees, maxScale, maxShift);
        Random random = new Random(seed);
        Warp.Fields[] bank = new Warp.Fields[1];
        return x -> perImage(x, (h, w) -> {
            if (bank[0] == null || bank[0].h != h || bank[0].w != w) {
                bank[0] = Warp.Fields.smoothed(h, w, sigma, new Random(seed + 1));
            }
            Warp warp = randomAffine(random, maxDegrees, maxScale, maxShift, h, w);
            return warp.displaced(bank[0], random.nextInt(Warp.FIELD_BANK), random.nextInt(Warp.FIELD_BANK), alpha);
        });
    }

    private static void checkAffine(double maxDegrees, double maxScale, double maxShift) {
        if (maxDegrees < 0 || maxScale < 0 || maxScale >= 1 || maxShift < 0) {
            throw new IllegalArgumentException("need maxDegrees >= 0, 0 <= maxScale < 1, maxShift >= 0; got "
                    + maxDegrees + ", " + maxScale + ", " + maxShift);
        }
    }

    private static Warp randomAffine(Random random, double maxDegrees, double maxScale, double maxShift, int h, int w) {
        double angle = Math.toRadians((2 * random.nextDouble() - 1) * maxDegrees);
        double scale = 1 + (2 * random.nextDouble() - 1) * maxScale;
        double tx = (2 * random.nextDouble() - 1) * maxShift;
        double ty = (2 * random.nextDouble() - 1) * maxShift;
        return Warp.affine(angle, scale, tx, ty, h, w);
    }

    /** Chooses a warp for one image of a batch, given the image's height and width. */
    @FunctionalInterface
    interface WarpChooser {
        Warp choose(int height, int width);
    }

    /** Resamples every image of an NCHW batch through its own warp; all channels share it. */
    static NDArray perImage(NDArray x, WarpChooser chooser) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("expected an NCHW batch, got shape " + s);
        }
        int n = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] in = x.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] out = new float[in.length];
        int image = c * h * w;
        for (int i = 0; i < n; i++) {
            Warp warp = chooser.choose(h, w);
            for (int ch = 0; ch < c; ch++) {
                warp.resample(in, out, i * image + ch * h * w, h, w);
            }
        }
        return x.getManager().create(out, s);
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
