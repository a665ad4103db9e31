package org.deepbrew.display;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A grid of images with captions, e.g. augmented samples or misclassified digits:
 *
 * <pre>{@code
 * display(ImageGrid.of(images, captions, 8).scale(3));
 * }</pre>
 *
 * Images may be {@link BufferedImage}s, DJL {@code Image}s or image-shaped {@code NDArray}s (see
 * {@link Images#toBufferedImage(Object)}); they are converted when the grid is created, so the
 * arrays may be closed afterwards. Small images are enlarged without blurring.
 */
public final class ImageGrid implements Displayable {
    private final List<BufferedImage> images;
    private final List<String> captions;
    private final int columns;
    private int scale = 1;

    private ImageGrid(List<BufferedImage> images, List<String> captions, int columns) {
        this.images = images;
        this.captions = captions;
        this.columns = columns;
    }

    /**
     * A grid of {@code images} in {@code columns} columns, each with the caption at the same index.
     *
     * @param captions one per image, or {@code null} for none
     */
    public static ImageGrid of(List<?> images, List<String> captions, int columns) {
        Objects.requireNonNull(images, "images");
        if (columns < 1) {
            throw new IllegalArgumentException("An image grid needs at least 1 column, got " + columns);
        }
        if (captions != null && captions.size() != images.size()) {
            throw new IllegalArgumentException("Got " + images.size() + " images but " + captions.size()
                    + " captions; give one caption per image (or null for none)");
        }
        List<BufferedImage> converted = new ArrayList<>(images.size());
        for (Object image : images) {
            converted.add(Images.toBufferedImage(image));
        }
        List<String> text = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            text.add(captions == null || captions.get(i) == null ? "" : captions.get(i));
        }
        return new ImageGrid(converted, text, columns);
    }

    /** A grid without captions. */
    public static ImageGrid of(List<?> images, int columns) {
        return of(images, null, columns);
    }

    /** Shows each image {@code factor} times larger (pixelated, no blur); returns this grid. */
    public ImageGrid scale(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("Scale must be at least 1, got " + factor);
        }
        this.scale = factor;
        return this;
    }

    /** The number of images. */
    public int size() {
        return images.size();
    }

    @Override
    public MimeBundle toMimeBundle() {
        StringBuilder h = new StringBuilder("<div style=\"display:grid;grid-template-columns:repeat(")
                .append(columns).append(", max-content);gap:6px 10px;align-items:end\">");
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            h.append("<figure style=\"margin:0;text-align:center\"><img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Images.png(image)))
                    .append("\" width=\"").append(image.getWidth() * scale)
                    .append("\" height=\"").append(image.getHeight() * scale)
                    .append("\" style=\"image-rendering:pixelated\"/>");
            if (!captions.get(i).isEmpty()) {
                h.append("<figcaption style=\"font-size:smaller\">").append(TextForms.escapeHtml(captions.get(i)))
                        .append("</figcaption>");
            }
            h.append("</figure>");
        }
        h.append("</div>");
        StringBuilder plain = new StringBuilder("ImageGrid: ").append(images.size())
                .append(images.size() == 1 ? " image" : " images").append(" in ").append(columns).append(" columns");
        if (captions.stream().anyMatch(c -> !c.isEmpty())) {
            plain.append('\n').append(String.join(" | ", captions));
        }
        return MimeBundle.of("text/html", h.toString()).with("text/plain", plain.toString());
    }
}
