package org.deepbrew.display;

/**
 * The one entry point for showing things in a notebook; made for {@code import static}.
 *
 * <pre>{@code
 * display(table);                          // any value, rendered by its registered renderer
 * String id = display(markdown("**Epoch 1**"));
 * updateDisplay(id, markdown("**Epoch 2**")); // replaces that output in place
 * }</pre>
 *
 * <p>Outputs go to the installed {@link DisplaySink}: the Jupyter kernel installs one that
 * publishes display messages; without a kernel a {@link ConsoleSink} prints plain text.
 */
public final class Display {
    private static volatile DisplaySink sink = new ConsoleSink();

    private Display() {}

    /**
     * Shows {@code value} as a new output that can later be replaced.
     *
     * @return the display id to pass to {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        String id = DisplayIds.next("display");
        sink.display(render(value), id);
        return id;
    }

    /** Replaces the output shown under {@code displayId} with {@code value}. */
    public static void updateDisplay(String displayId, Object value) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned, got "
                    + (displayId == null ? "null" : "a blank id"));
        }
        sink.update(render(value), displayId);
    }

    /** How {@code value} would be shown: the bundle its most specific renderer makes. */
    public static MimeBundle render(Object value) {
        return Renderers.render(value);
    }

    /** HTML shown as markup (and as its text in a console). */
    public static Html html(String html) {
        return new Html(html);
    }

    /** Markdown shown as formatted text. */
    public static Markdown markdown(String markdown) {
        return new Markdown(markdown);
    }

    /** A LaTeX formula typeset by the notebook; bare formulas get {@code $$} delimiters. */
    public static Latex latex(String latex) {
        return new Latex(latex);
    }

    /** Installs where outputs go (the kernel does this); {@code null} restores the console sink. */
    public static void setSink(DisplaySink newSink) {
        sink = newSink == null ? new ConsoleSink() : newSink;
    }

    /** Where outputs go now. */
    public static DisplaySink sink() {
        return sink;
    }

    /**
     * A fresh, unique display id such as {@code progress-3fa9c1-4}, for components that publish
     * through {@link DisplaySink} directly.
     */
    public static String newDisplayId(String kind) {
        return DisplayIds.next(kind);
    }
}
