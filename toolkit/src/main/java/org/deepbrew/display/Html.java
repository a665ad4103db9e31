package org.deepbrew.display;

import java.util.Objects;

/**
 * A piece of HTML to show as is. Created with {@link Display#html(String)}; the plain-text form
 * is the same markup with tags removed, for consoles and text-only front ends.
 */
public final class Html extends MarkupText {

    Html(String html) {
        super("text/html", Objects.requireNonNull(html, "html"));
    }

    /** The markup. */
    public String html() {
        return source();
    }

    @Override
    String plainText() {
        return TextForms.stripTags(source());
    }
}
