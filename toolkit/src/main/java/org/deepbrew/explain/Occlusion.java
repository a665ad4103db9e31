package org.deepbrew.explain;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Which part of an image a classifier looks at, found by hiding parts of it: a square patch
 * slides over the image, each position is covered with a fill value, and the drop in the model's
 * score (the probability of the class it should see) is recorded. Where covering hurts most is
 * where the evidence was. It needs nothing but the model's outputs, so it works for any model.
 *
 * <pre>{@code
 * OcclusionMap map = Occlusion.builder().patch(6).stride(2).build().explain(cnn, image, trueClass);
 * display(map);          // the image, the heat map and the two overlaid
 * map.hottest();         // {row, column} of the largest drop
 * }</pre>
 *
 * The map is as coarse as the patch: a patch smaller than the parts that matter shows little,
 * because the model still sees the rest of each part.
 */
public final class Occlusion {
    private final int patch;
    private final int stride;
    private final float fill;

    private Occlusion(Builder b) {
        this.patch = b.patch;
        this.stride = b.stride;
        this.fill = b.fill;
    }

    /** Defaults: 4-pixel patches moved 2 pixels at a time, filled with 0 (black). */
    public static Builder builder() {
        return new Builder();
    }

    /** The map of {@code image} ((H, W) or (C, H, W)) for the probability of {@code classIndex} under {@code model}. */
    public OcclusionMap explain(Model model, NDArray image, int classIndex) {
        return explain(ModelScores.ofImages(model, classIndex), image);
    }

    /**
     * The map of {@code image} ((H, W) or (C, H, W)) for {@code score}, which is given batches
     * (N, C, H, W) of occluded copies, the unoccluded image first.
     */
    public OcclusionMap explain(ScoreFunction<NDArray> score, NDArray image) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(image, "image");
        Shape s = image.getShape();
        if (s.dimension() != 2 && s.dimension() != 3) {
            throw new IllegalArgumentException("an image is (H, W) or (C, H, W), got " + s);
        }
        int channels = s.dimension() == 3 ? (int) s.get(0) : 1;
        int height = (int) s.get(s.dimension() - 2);
        int width = (int) s.get(s.dimension() - 1);
        if (patch > height || patch > width) {
            throw new IllegalArgumentException("a " + patch + "-pixel patch does not fit a " + height + "x" + width + " image");
        }
        float[] pixels = image.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int[] tops = positions(height);
        int[] lefts = positions(width);
        int copies = 1 + tops.length * lefts.length;
        int plane = height * width;
        float[] batch = new float[copies * channels * plane];
        System.arraycopy(pixels, 0, batch, 0, pixels.length);
        int k = 1;
        for (int top : tops) {
            for (int left : lefts) {
                int offset = k * channels * plane;
                System.arraycopy(pixels, 0, batch, offset, pixels.length);
                for (int c = 0; c < channels; c++) {
                    for (int r = top; r < top + patch; r++) {
                        int row = offset + c * plane + r * width;
                        java.util.Arrays.fill(batch, row + left, row + left + patch, fill);
                    }
                }
                k++;
            }
        }
        double[] scores;
        try (NDManager scratch = image.getManager().newSubManager()) {
            scores = score.score(scratch.create(batch, new Shape(copies, channels, height, width)));
        }
        if (scores.length != copies) {
            throw new IllegalArgumentException("the model gave " + scores.length + " scores for " + copies + " images");
        }
        // Each pixel's heat: the mean drop over the patches that covered it.
        double[][] sum = new double[height][width];
        int[][] covered = new int[height][width];
        k = 1;
        for (int top : tops) {
            for (int left : lefts) {
                double drop = scores[0] - scores[k++];
                for (int r = top; r < top + patch; r++) {
                    for (int c = left; c < left + patch; c++) {
                        sum[r][c] += drop;
                        covered[r][c]++;
                    }
                }
            }
        }
        double[][] heat = new double[height][width];
        double[][] grey = new double[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                heat[r][c] = covered[r][c] == 0 ? 0 : sum[r][c] / covered[r][c];
                double v = 0;
                for (int ch = 0; ch < channels; ch++) {
                    v += pixels[ch * plane + r * width + c];
                }
                grey[r][c] = v / channels;
            }
        }
        return new OcclusionMap(grey, heat, scores[0], patch, stride);
    }

    /** Top-left corners along one side: every stride, and the last one flush with the edge. */
    private int[] positions(int side) {
        int last = side - patch;
        int n = last / stride + 1;
        boolean flush = last % stride != 0;
        int[] p = new int[n + (flush ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            p[i] = i * stride;
        }
        if (flush) {
            p[n] = last;
        }
        return p;
    }

    /** Settings for {@link Occlusion}. */
    public static final class Builder {
        private int patch = 4;
        private int stride = 2;
        private float fill;

        private Builder() {}

        /** The side of the square patch in pixels. */
        public Builder patch(int patch) {
            if (patch < 1) {
                throw new IllegalArgumentException("the patch needs at least 1 pixel, got " + patch);
            }
            this.patch = patch;
            return this;
        }

        /** How far the patch moves each step; smaller is finer and slower. */
        public Builder stride(int stride) {
            if (stride < 1) {
                throw new IllegalArgumentException("the stride must be at least 1 pixel, got " + stride);
            }
            this.stride = stride;
            return this;
        }

        /** The value covering the patch: 0 for black, or the data's mean to hide without adding an edge. */
        public Builder fill(float fill) {
            this.fill = fill;
            return this;
        }

        public Occlusion build() {
            return new Occlusion(this);
        }
    }
}
