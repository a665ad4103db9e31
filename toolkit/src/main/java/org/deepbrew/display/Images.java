package org.deepbrew.display;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Conversions between the image types notebooks meet ({@link BufferedImage}, DJL
 * {@code Image}, image-shaped {@link NDArray}s) and PNG, the format every notebook front end shows.
 */
public final class Images {
    private Images() {}

    /** PNG bytes of {@code image}. */
    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("No PNG writer for image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the image as PNG", e);
        }
    }

    /** An {@code image/png} bundle with width and height metadata. */
    public static MimeBundle pngBundle(byte[] png, int width, int height, String description) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("width", width);
        meta.put("height", height);
        return MimeBundle.of("image/png", Base64.getEncoder().encodeToString(png))
                .with("text/plain", description)
                .withMetadata("image/png", meta);
    }

    /** An {@code image/png} bundle of {@code image}. */
    public static MimeBundle pngBundle(BufferedImage image) {
        return pngBundle(png(image), image.getWidth(), image.getHeight(),
                "Image " + image.getWidth() + "×" + image.getHeight());
    }

    /**
     * Any supported image as a {@link BufferedImage}: a {@code BufferedImage}, a DJL
     * {@code ai.djl.modality.cv.Image}, or an {@link NDArray} shaped (H, W), (C, H, W) or (H, W, C)
     * with 1 or 3 channels; float values in [0, 1] are scaled to 0..255.
     */
    public static BufferedImage toBufferedImage(Object image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        if (image instanceof ai.djl.modality.cv.Image djl) {
            return fromDjl(djl);
        }
        if (image instanceof NDArray array) {
            return fromNDArray(array);
        }
        throw new IllegalArgumentException("Cannot show " + (image == null ? "null" : image.getClass().getName())
                + " as an image; use a BufferedImage, a DJL Image or an NDArray shaped (H, W), (C, H, W) or (H, W, C)");
    }

    static BufferedImage fromDjl(ai.djl.modality.cv.Image image) {
        if (image.getWrappedImage() instanceof BufferedImage b) {
            return b;
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            image.save(out, "png");
            return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not convert the DJL image to PNG", e);
        }
    }

    static BufferedImage fromNDArray(NDArray array) {
        if (array.isReleased()) {
            throw new IllegalArgumentException("Cannot show a closed NDArray as an image");
        }
        Shape shape = array.getShape();
        int h;
        int w;
        int c;
        boolean channelsFirst;
        if (shape.dimension() == 2) {
            h = (int) shape.get(0);
            w = (int) shape.get(1);
            c = 1;
            channelsFirst = true;
        } else if (shape.dimension() == 3 && isChannels(shape.get(0)) && !isChannels(shape.get(2))) {
            c = (int) shape.get(0);
            h = (int) shape.get(1);
            w = (int) shape.get(2);
            channelsFirst = true;
        } else if (shape.dimension() == 3 && isChannels(shape.get(2))) {
            // DJL decodes images as (H, W, C); ToTensor makes them (C, H, W).
            h = (int) shape.get(0);
            w = (int) shape.get(1);
            c = (int) shape.get(2);
            channelsFirst = false;
        } else {
            throw new IllegalArgumentException("An NDArray image must be shaped (H, W), (C, H, W) or (H, W, C) with 1 or 3 "
                    + "channels, got " + shape);
        }
        float[] values = toFloats(array);
        boolean unitRange = array.getDataType().isFloating() && max(values) <= 1.0f;
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] rgb = new int[3];
                for (int k = 0; k < c; k++) {
                    int index = channelsFirst ? (k * h + y) * w + x : (y * w + x) * c + k;
                    float v = values[index] * (unitRange ? 255f : 1f);
                    rgb[k] = Math.max(0, Math.min(255, Math.round(v)));
                }
                if (c == 1) {
                    image.getRaster().setSample(x, y, 0, rgb[0]);
                } else {
                    image.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                }
            }
        }
        return image;
    }

    private static boolean isChannels(long n) {
        return n == 1 || n == 3;
    }

    private static float[] toFloats(NDArray array) {
        if (array.getDataType() == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        try (NDArray converted = array.toType(DataType.FLOAT32, true)) {
            return converted.toFloatArray();
        }
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
