package org.deepbrew.display;

import ai.djl.modality.cv.Image;

/**
 * Shows a DJL {@link Image} as {@code image/png}: the wrapped {@code BufferedImage} when there is
 * one, otherwise whatever the image's own PNG encoder writes.
 */
public final class DjlImageRenderer implements Renderer<Image> {
    @Override
    public MimeBundle render(Image image) {
        return Images.pngBundle(Images.fromDjl(image));
    }
}
