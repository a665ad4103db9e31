package org.deepbrew.display;

import java.util.Objects;

/** Markdown text that Jupyter renders as formatted prose. Created with {@link Display#markdown(String)}. */
public final class Markdown implements Displayable {
    private final String markdown;

    Markdown(String markdown) {
        this.markdown = Objects.requireNonNull(markdown, "markdown");
    }

    /** The source text. */
    public String markdown() {
        return markdown;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/markdown", markdown).with("text/plain", markdown);
    }

    @Override
    public String toString() {
        return markdown;
    }
}
