package org.deepbrew.display;

import java.awt.image.BufferedImage;

/** Shows a {@link BufferedImage} as {@code image/png} with its width and height. */
public final class BufferedImageRenderer implements Renderer<BufferedImage> {
    @Override
    public MimeBundle render(BufferedImage image) {
        return Images.pngBundle(image);
    }
}
