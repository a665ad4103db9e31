package org.deepbrew.display;

import java.util.Objects;

/** Markdown text that Jupyter renders as formatted prose. Created with {@link Display#markdown(String)}. */
public final class Markdown extends MarkupText {

    Markdown(String markdown) {
        super("text/markdown", Objects.requireNonNull(markdown, "markdown"));
    }

    /** The source text. */
    public String markdown() {
        return source();
    }
}
