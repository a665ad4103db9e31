package org.deepbrew.data.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Random;

/**
 * The usual label-preserving augmentations for small images, each seeded so a run repeats.
 *
 * <p>{@link #horizontalFlip}, {@link #shift} and {@link #flipAndShift} work on the whole batch
 * in a few native operations, which costs little next to the network; {@link #randomCrop},
 * {@link #rotation}, {@link #affine} and {@link #elastic} give every image its own warp and run
 * in Java, in parallel.
 *
 * <pre>{@code
 * Augmentation clothes = Augmentations.flipAndShift(2, 1);
 * Augmentation digits = Augmentations.affine(12, 0.1, 2, 3); // no mirroring: a mirrored 2 is not a 2
 * }</pre>
 */
public final class Augmentations {
    private Augmentations() {}

    /**
     * Mirrors each image left-right with probability ½, then shifts the batch by a random offset
     * of up to {@code maxShift} pixels in x and y (zero padding). Mirroring suits clothing and
     * natural images; do not use it for digits.
     */
    public static Augmentation flipAndShift(int maxShift, long seed) {
        checkShift(maxShift);
        Random random = new Random(seed);
        return named("flipAndShift(" + maxShift + " px)", x -> shift(flip(checked(x), random), maxShift, random));
    }

    /** Mirrors each image left-right with probability ½. */
    public static Augmentation horizontalFlip(long seed) {
        Random random = new Random(seed);
        return named("horizontalFlip", x -> flip(checked(x), random));
    }

    /** Shifts the whole batch by one random offset of up to {@code maxShift} pixels (no mirroring: safe for digits). */
    public static Augmentation shift(int maxShift, long seed) {
        checkShift(maxShift);
        Random random = new Random(seed);
        return named("shift(" + maxShift + " px)", x -> shift(checked(x), maxShift, random));
    }

    /** Pads each image by {@code padding} zero pixels on each side, then crops it back at a random place of its own. */
    public static Augmentation randomCrop(int padding, long seed) {
        checkShift(padding);
        return new PerImageAugmentation(seed) {
            @Override
            protected void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                int dy = r.nextInt(2 * padding + 1) - padding;
                int dx = r.nextInt(2 * padding + 1) - padding;
                for (int ch = 0; ch < c; ch++) {
                    int base = ch * h * w;
                    for (int y = 0; y < h; y++) {
                        int sy = y + dy;
                        int row = dOff + base + y * w;
                        if (sy < 0 || sy >= h) {
                            Arrays.fill(dst, row, row + w, 0f);
                            continue;
                        }
                        for (int x = 0; x < w; x++) {
                            int sx = x + dx;
                            dst[row + x] = sx < 0 || sx >= w ? 0f : src[so + base + sy * w + sx];
                        }
                    }
                }
            }

            @Override
            public String toString() {
                return "randomCrop(padding " + padding + ")";
            }
        };
    }

    /** Turns each image by its own uniform random angle in [-maxDegrees, maxDegrees] about the centre. */
    public static Augmentation rotation(double maxDegrees, long seed) {
        checkAffine(maxDegrees, 0, 0);
        return warping("rotation(±" + maxDegrees + "°)", seed, (h, w, r) ->
                Warp.affine(Math.toRadians((r.nextDouble() * 2 - 1) * maxDegrees), 1, 0, 0, h, w));
    }

    /**
     * Warps each image by its own random affine map, the classic augmentation for digits: a
     * rotation of up to {@code maxDegrees}, a scaling by up to ±{@code maxScale} (0.1 = 10 %) and
     * a shift of up to {@code maxShift} pixels in x and y, resampled bilinearly with zero padding.
     */
    public static Augmentation affine(double maxDegrees, double maxScale, double maxShift, long seed) {
        checkAffine(maxDegrees, maxScale, maxShift);
        return warping("affine(±" + maxDegrees + "°, ±" + maxScale + ", ±" + maxShift + " px)", seed,
                (h, w, r) -> randomAffine(r, maxDegrees, maxScale, maxShift, h, w));
    }

    /**
     * Elastic distortion (Simard, Steinkraus and Platt, 2003) after a random affine warp: each
     * pixel is displaced by a random field smoothed with a Gaussian of width {@code sigma} pixels
     * and scaled by {@code alpha}, which imitates the wobble of handwriting. Smoothed fields are
     * drawn from a bank of {@value Warp#FIELD_BANK} made once, so an image costs a few
     * multiply-adds per pixel.
     */
    public static Augmentation elastic(double maxDegrees, double maxScale, double maxShift,
                                       double alpha, double sigma, long seed) {
        if (alpha < 0 || !(sigma > 0)) {
            throw new IllegalArgumentException("need alpha >= 0 and sigma > 0; got " + alpha + ", " + sigma);
        }
        checkAffine(maxDegrees, maxScale, maxShift);
        Warp.Fields[] bank = new Warp.Fields[1];
        return warping("elastic(alpha " + alpha + ", sigma " + sigma + ")", seed, (h, w, r) -> {
            Warp.Fields fields;
            synchronized (bank) { // images of a batch are warped in parallel
                if (bank[0] == null || bank[0].h != h || bank[0].w != w) {
                    bank[0] = Warp.Fields.smoothed(h, w, sigma, new Random(seed + 1));
                }
                fields = bank[0];
            }
            Warp warp = randomAffine(r, maxDegrees, maxScale, maxShift, h, w);
            return warp.displaced(fields, r.nextInt(Warp.FIELD_BANK), r.nextInt(Warp.FIELD_BANK), alpha);
        });
    }

    /** Draws one warp for an image of a given size. */
    @FunctionalInterface
    private interface WarpChooser {
        Warp choose(int height, int width, Random random);
    }

    /** Resamples each image through its own warp; all channels share it. */
    private static Augmentation warping(String name, long seed, WarpChooser chooser) {
        return new PerImageAugmentation(seed) {
            @Override
            protected void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                Warp warp = chooser.choose(h, w, r);
                for (int ch = 0; ch < c; ch++) {
                    warp.resample(src, so + ch * h * w, dst, dOff + ch * h * w, h, w);
                }
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static Augmentation named(String name, Augmentation augmentation) {
        return new Augmentation() {
            @Override
            public NDArray apply(NDArray batch) {
                return augmentation.apply(batch);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static NDArray checked(NDArray x) {
        if (x.getShape().dimension() != 4) {
            throw new IllegalArgumentException("expected a batch of images (N, C, H, W), got shape " + x.getShape());
        }
        return x;
    }

    /** mask * mirrored + (1 - mask) * x, with one random 0/1 per image. */
    private static NDArray flip(NDArray x, Random random) {
        long n = x.getShape().get(0);
        float[] mask = new float[(int) n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextBoolean() ? 1f : 0f;
        }
        NDManager m = x.getManager();
        NDArray m4 = m.create(mask, new Shape(n, 1, 1, 1));
        return x.flip(3).sub(x).mul(m4).add(x);
    }

    private static NDArray shift(NDArray x, int maxShift, Random random) {
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

    private static void checkShift(int pixels) {
        if (pixels < 0) {
            throw new IllegalArgumentException("need a shift of at least 0 pixels, got " + pixels);
        }
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
}
