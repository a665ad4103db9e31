package org.deepbrew.display;

import java.util.Objects;

/**
 * A piece of HTML to show as is. Created with {@link Display#html(String)}; the plain-text form
 * is the same markup with tags removed, for consoles and text-only front ends.
 */
public final class Html implements Displayable {
    private final String html;

    Html(String html) {
        this.html = Objects.requireNonNull(html, "html");
    }

    /** The markup. */
    public String html() {
        return html;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/html", html).with("text/plain", TextForms.stripTags(html));
    }

    @Override
    public String toString() {
        return html;
    }
}
