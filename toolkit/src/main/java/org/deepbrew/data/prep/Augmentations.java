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
        return new ImageAugmentation(seed) {
            @Override
            public void apply(float[] src, int so, float[] dst, int dOff, int c, int h, int w, Random r) {
                double angle = Math.toRadians((r.nextDouble() * 2 - 1) * maxDegrees);
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                double cy = (h - 1) / 2.0;
                double cx = (w - 1) / 2.0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        // Inverse mapping: where in the source does this output pixel come from?
                        double sx = cos * (x - cx) + sin * (y - cy) + cx;
                        double sy = -sin * (x - cx) + cos * (y - cy) + cy;
                        int x0 = (int) Math.floor(sx);
                        int y0 = (int) Math.floor(sy);
                        double fx = sx - x0;
                        double fy = sy - y0;
                        for (int ch = 0; ch < c; ch++) {
                            int base = so + ch * h * w;
                            double v = (1 - fx) * (1 - fy) * at(src, base, h, w, y0, x0)
                                    + fx * (1 - fy) * at(src, base, h, w, y0, x0 + 1)
                                    + (1 - fx) * fy * at(src, base, h, w, y0 + 1, x0)
                                    + fx * fy * at(src, base, h, w, y0 + 1, x0 + 1);
                            dst[dOff + ch * h * w + y * w + x] = (float) v;
                        }
                    }
                }
            }

            @Override
            public String toString() {
                return "rotation(±" + maxDegrees + "°)";
            }
        };
    }

    private static float at(float[] img, int base, int h, int w, int y, int x) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0f : img[base + y * w + x];
    }
}
