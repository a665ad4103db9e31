package org.deepbrew.display;

import java.util.Objects;

/**
 * Source text in one markup language, shown as is under that language's MIME type, with a
 * plain-text form for consoles and text-only front ends.
 */
abstract class MarkupText implements Displayable {
    private final String mimeType;
    private final String source;

    MarkupText(String mimeType, String source) {
        this.mimeType = mimeType;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The markup as shown. */
    final String source() {
        return source;
    }

    /** What a console shows: the source itself, unless the markup would get in the way. */
    String plainText() {
        return source;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of(mimeType, source).with("text/plain", plainText());
    }

    @Override
    public String toString() {
        return source;
    }
}
