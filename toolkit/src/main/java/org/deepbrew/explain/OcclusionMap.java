package org.deepbrew.explain;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.deepbrew.display.Displayable;
import org.deepbrew.display.Images;
import org.deepbrew.display.MimeBundle;

/**
 * The result of {@link Occlusion}: per pixel, how much the model's score dropped, on average,
 * when a patch covering that pixel was hidden (negative where hiding it raised the score). Shows
 * itself as three panels: the image, the heat map (red: evidence for the class, blue: against)
 * and the heat laid over the image.
 */
public final class OcclusionMap implements Displayable {
    private static final int SCALE = 4;

    private final double[][] image;
    private final double[][] heat;
    private final double baseScore;
    private final int patch;
    private final int stride;

    OcclusionMap(double[][] image, double[][] heat, double baseScore, int patch, int stride) {
        this.image = image;
        this.heat = heat;
        this.baseScore = baseScore;
        this.patch = patch;
        this.stride = stride;
    }

    /** The model's score on the whole image. */
    public double baseScore() {
        return baseScore;
    }

    public int height() {
        return heat.length;
    }

    public int width() {
        return heat[0].length;
    }

    /** The drop at each pixel, [row][column]. */
    public double[][] heat() {
        return copy(heat);
    }

    /** The image (channel mean), [row][column]. */
    public double[][] image() {
        return copy(image);
    }

    /** {row, column} of the largest drop (the first one in reading order on a tie). */
    public int[] hottest() {
        int[] best = {0, 0};
        for (int r = 0; r < height(); r++) {
            for (int c = 0; c < width(); c++) {
                if (heat[r][c] > heat[best[0]][best[1]]) {
                    best = new int[] {r, c};
                }
            }
        }
        return best;
    }

    /** The largest drop. */
    public double maxDrop() {
        int[] h = hottest();
        return heat[h[0]][h[1]];
    }

    /**
     * The share of all positive heat that lies on pixels of intensity at least {@code intensity}:
     * near 1 when the evidence the model uses is on the object and not on the background.
     */
    public double shareOnPixelsAbove(double intensity) {
        double on = 0;
        double all = 0;
        for (int r = 0; r < height(); r++) {
            for (int c = 0; c < width(); c++) {
                double h = Math.max(0, heat[r][c]);
                all += h;
                if (image[r][c] >= intensity) {
                    on += h;
                }
            }
        }
        return all == 0 ? Double.NaN : on / all;
    }

    /** Image, heat map and overlay side by side, each pixel drawn {@code scale} x {@code scale}. */
    public BufferedImage toImage(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        int h = height() * scale;
        int w = width() * scale;
        int gap = 6;
        int caption = scale >= 3 ? 16 : 0;
        BufferedImage out = new BufferedImage(3 * w + 2 * gap, h + caption, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double peak = 0;
        for (int r = 0; r < height(); r++) {
            for (int c = 0; c < width(); c++) {
                lo = Math.min(lo, image[r][c]);
                hi = Math.max(hi, image[r][c]);
                peak = Math.max(peak, Math.abs(heat[r][c]));
            }
        }
        for (int r = 0; r < height(); r++) {
            for (int c = 0; c < width(); c++) {
                double grey = hi > lo ? (image[r][c] - lo) / (hi - lo) : 0;
                double v = peak > 0 ? heat[r][c] / peak : 0; // -1..1
                int gi = (int) Math.round(255 * grey);
                Color picture = new Color(gi, gi, gi);
                Color map = v >= 0 ? new Color(255, (int) (255 * (1 - v)), (int) (255 * (1 - v)))
                        : new Color((int) (255 * (1 + v)), (int) (255 * (1 + v)), 255);
                double a = Math.min(1, Math.abs(v)) * 0.7;
                Color over = blend(new Color((int) (gi * 0.8), (int) (gi * 0.8), (int) (gi * 0.8)),
                        v >= 0 ? Color.RED : Color.BLUE, a);
                paint(g, picture, c * scale, r * scale, scale);
                paint(g, map, w + gap + c * scale, r * scale, scale);
                paint(g, over, 2 * (w + gap) + c * scale, r * scale, scale);
            }
        }
        if (caption > 0) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format("p = %.3f", baseScore), 2, h + 12);
            g.drawString(String.format("drop (max %.3f)", maxDrop()), w + gap + 2, h + 12);
            g.drawString("overlay", 2 * (w + gap) + 2, h + 12);
        }
        g.dispose();
        return out;
    }

    @Override
    public MimeBundle toMimeBundle() {
        BufferedImage img = toImage(SCALE);
        return Images.pngBundle(Images.png(img), img.getWidth(), img.getHeight(), toString());
    }

    @Override
    public String toString() {
        int[] h = hottest();
        return String.format("occlusion map %dx%d (patch %d, stride %d): score %.4f, largest drop %.4f at row %d, column %d",
                height(), width(), patch, stride, baseScore, maxDrop(), h[0], h[1]);
    }

    private static void paint(Graphics2D g, Color color, int x, int y, int size) {
        g.setColor(color);
        g.fillRect(x, y, size, size);
    }

    private static Color blend(Color base, Color top, double alpha) {
        return new Color((int) (base.getRed() * (1 - alpha) + top.getRed() * alpha),
                (int) (base.getGreen() * (1 - alpha) + top.getGreen() * alpha),
                (int) (base.getBlue() * (1 - alpha) + top.getBlue() * alpha));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
