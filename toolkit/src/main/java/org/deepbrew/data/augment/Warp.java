package org.deepbrew.data.augment;

import java.util.Random;

/**
 * Where each output pixel of an image comes from: a map from output (x, y) to a source position,
 * sampled bilinearly with zeros outside the image. Used by {@link Augmentations}.
 */
final class Warp {
    /** Smoothed displacement fields kept for elastic distortion. */
    static final int FIELD_BANK = 256;

    private final float[] sourceX;
    private final float[] sourceY;

    private Warp(float[] sourceX, float[] sourceY) {
        this.sourceX = sourceX;
        this.sourceY = sourceY;
    }

    /**
     * Rotation by {@code angle} radians and scaling by {@code scale} about the image centre, then
     * a shift by ({@code tx}, {@code ty}) pixels. Stored as its inverse: for every output pixel,
     * the source position it reads.
     */
    static Warp affine(double angle, double scale, double tx, double ty, int h, int w) {
        float[] sx = new float[h * w];
        float[] sy = new float[h * w];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x - cx - tx;
                double v = y - cy - ty;
                sx[y * w + x] = (float) (cos * u + sin * v + cx);
                sy[y * w + x] = (float) (-sin * u + cos * v + cy);
            }
        }
        return new Warp(sx, sy);
    }

    /** This warp with each source position moved by {@code alpha} times fields {@code i} (x) and {@code j} (y). */
    Warp displaced(Fields fields, int i, int j, double alpha) {
        float[] sx = sourceX.clone();
        float[] sy = sourceY.clone();
        float a = (float) alpha;
        float[] fx = fields.field(i);
        float[] fy = fields.field(j);
        for (int p = 0; p < sx.length; p++) {
            sx[p] += a * fx[p];
            sy[p] += a * fy[p];
        }
        return new Warp(sx, sy);
    }

    /** Writes the warped h×w plane starting at {@code inOffset} of {@code in} to {@code outOffset} of {@code out}. */
    void resample(float[] in, int inOffset, float[] out, int outOffset, int h, int w) {
        for (int p = 0; p < h * w; p++) {
            float x = sourceX[p];
            float y = sourceY[p];
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            float fx = x - x0;
            float fy = y - y0;
            float v = (1 - fx) * (1 - fy) * at(in, inOffset, x0, y0, h, w)
                    + fx * (1 - fy) * at(in, inOffset, x0 + 1, y0, h, w)
                    + (1 - fx) * fy * at(in, inOffset, x0, y0 + 1, h, w)
                    + fx * fy * at(in, inOffset, x0 + 1, y0 + 1, h, w);
            out[outOffset + p] = v;
        }
    }

    private static float at(float[] in, int offset, int x, int y, int h, int w) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : in[offset + y * w + x];
    }

    /** A bank of random displacement fields, each smoothed by a Gaussian and scaled to unit peak. */
    static final class Fields {
        final int h;
        final int w;
        private final float[][] bank;

        private Fields(int h, int w, float[][] bank) {
            this.h = h;
            this.w = w;
            this.bank = bank;
        }

        float[] field(int i) {
            return bank[i];
        }

        static Fields smoothed(int h, int w, double sigma, Random random) {
            int radius = (int) Math.ceil(3 * sigma);
            float[] kernel = new float[2 * radius + 1];
            for (int k = -radius; k <= radius; k++) {
                kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            }
            float[][] bank = new float[FIELD_BANK][];
            for (int b = 0; b < FIELD_BANK; b++) {
                float[] f = new float[h * w];
                for (int p = 0; p < f.length; p++) {
                    f[p] = (float) (2 * random.nextDouble() - 1);
                }
                f = blur(blur(f, h, w, kernel, true), h, w, kernel, false);
                float peak = 1e-12f;
                for (float v : f) {
                    peak = Math.max(peak, Math.abs(v));
                }
                for (int p = 0; p < f.length; p++) {
                    f[p] /= peak;
                }
                bank[b] = f;
            }
            return new Fields(h, w, bank);
        }

        /** One pass of a separable Gaussian blur, along rows or along columns, zero outside. */
        private static float[] blur(float[] f, int h, int w, float[] kernel, boolean alongRows) {
            int radius = kernel.length / 2;
            float[] out = new float[f.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int xx = alongRows ? x + k : x;
                        int yy = alongRows ? y : y + k;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            sum += kernel[k + radius] * f[yy * w + xx];
                        }
                    }
                    out[y * w + x] = sum;
                }
            }
            return out;
        }
    }
}
