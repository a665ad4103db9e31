package org.deepbrew.data.prep;

import java.util.Random;

/**
 * The usual label-preserving augmentations for small images. Each is seeded so a run can be
 * repeated exactly:
 * <pre>{@code
 * ImageAugmentation aug = Augmentations.randomCrop(2, 1).then(Augmentations.horizontalFlip(2));
 * }</pre>
 */
public final class Augmentations {
    private Augmentations() {}

    /** Pads by {@code padding} zero pixels on each side, then crops back to the original size at a random place. */
    public static ImageAugmentation randomCrop(int padding, long seed) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
        return new ImageAugmentation(seed) {
            @Override
            public void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                int dy = r.nextInt(2 * padding + 1) - padding;
                int dx = r.nextInt(2 * padding + 1) - padding;
                for (int ch = 0; ch < c; ch++) {
                    int base = ch * h * w;
                    for (int y = 0; y < h; y++) {
                        int sy = y + dy;
                        int row = dOff + base + y * w;
                        if (sy < 0 || sy >= h) {
                            java.util.Arrays.fill(dst, row, row + w, 0f);
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
                return "randomCrop(padding=" + padding + ")";
            }
        };
    }

    /** Mirrors left-right with probability one half. */
    public static ImageAugmentation horizontalFlip(long seed) {
        return new ImageAugmentation(seed) {
            @Override
            public void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                boolean flip = r.nextBoolean();
                for (int row = 0; row < c * h; row++) {
                    int s = so + row * w;
                    int d = dOff + row * w;
                    if (flip) {
                        for (int x = 0; x < w; x++) {
                            dst[d + x] = src[s + w - 1 - x];
                        }
                    } else {
                        System.arraycopy(src, s, dst, d, w);
                    }
                }
            }

            @Override
            public String toString() {
                return "horizontalFlip";
            }
        };
    }

    /** Turns by a uniform random angle in [-maxDegrees, maxDegrees] about the centre (bilinear, zero fill). */
    public static ImageAugmentation rotation(double maxDegrees, long seed) {
        return warping("rotation(±" + maxDegrees + "°)", seed, (h, w, r) ->
                Warp.affine(Math.toRadians((r.nextDouble() * 2 - 1) * maxDegrees), 1, 0, 0, h, w));
    }

    /**
     * Warps each image by its own random affine map, the classic augmentation for digits: a
     * rotation of up to {@code maxDegrees}, a scaling by up to ±{@code maxScale} (0.1 = 10 %) and
     * a shift of up to {@code maxShift} pixels in x and y, resampled bilinearly with zero padding.
     */
    public static ImageAugmentation affine(double maxDegrees, double maxScale, double maxShift, long seed) {
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
    public static ImageAugmentation elastic(double maxDegrees, double maxScale, double maxShift,
                                            double alpha, double sigma, long seed) {
        if (alpha < 0 || !(sigma > 0)) {
            throw new IllegalArgumentException("need alpha >= 0 and sigma > 0; got " + alpha + ", " + sigma);
        }
        checkAffine(maxDegrees, maxScale, maxShift);
        Warp.Fields[] bank = new Warp.Fields[1];
        return warping("elastic(alpha " + alpha + ", sigma " + sigma + ")", seed, (h, w, r) -> {
            if (bank[0] == null || bank[0].h != h || bank[0].w != w) {
                bank[0] = Warp.Fields.smoothed(h, w, sigma, new Random(seed + 1));
            }
            Warp warp = randomAffine(r, maxDegrees, maxScale, maxShift, h, w);
            return warp.displaced(bank[0], r.nextInt(Warp.FIELD_BANK), r.nextInt(Warp.FIELD_BANK), alpha);
        });
    }

    /** Draws one warp for an image of a given size. */
    @FunctionalInterface
    private interface WarpChooser {
        Warp choose(int height, int width, Random random);
    }

    /** An augmentation that resamples each image through its own warp; all channels share it. */
    private static ImageAugmentation warping(String name, long seed, WarpChooser chooser) {
        return new ImageAugmentation(seed) {
            @Override
            public void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
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
