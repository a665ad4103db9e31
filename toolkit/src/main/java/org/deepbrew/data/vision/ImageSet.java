package org.deepbrew.data.vision;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of small images held as one float array (N x C x H x W, values in [0, 1]) with one int
 * label per image, as an {@link ImageSource} reads it: plain Java arrays, no native memory, until
 * {@code InMemoryDataset.builder().from(images)} copies them into one native array to train on.
 */
public final class ImageSet {
    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;

    /** Wraps (does not copy) the arrays; {@code pixels.length} must be {@code labels.length * c * h * w}. */
    public ImageSet(float[] pixels, int[] labels, int channels, int height, int width) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, but " + labels.length
                    + " images of " + channels + "x" + height + "x" + width + " need "
                    + (long) labels.length * channels * height * width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Values per image: channels x height x width. */
    public int imageSize() {
        return channels * height * width;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The backing pixel array (N x C x H x W); do not modify. */
    public float[] pixels() {
        return pixels;
    }

    /** The backing label array; do not modify. */
    public int[] labels() {
        return labels;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of image {@code i}'s pixels (C x H x W). */
    public float[] image(int i) {
        int n = imageSize();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** How many images carry each label 0..classes-1. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** A new set holding the images at {@code indices}, in that order. */
    public ImageSet select(int[] indices) {
        int n = imageSize();
        float[] p = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, p, k * n, n);
            l[k] = labels[indices[k]];
        }
        return new ImageSet(p, l, channels, height, width);
    }
}
