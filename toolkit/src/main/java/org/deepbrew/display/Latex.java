package org.deepbrew.display;

import java.util.Objects;

/**
 * A formula that Jupyter typesets with MathJax. Created with {@link Display#latex(String)}; a
 * bare formula such as {@code \sigma(x) = 1 / (1 + e^{-x})} is wrapped in {@code $$...$$} because
 * Jupyter only typesets delimited math.
 */
public final class Latex implements Displayable {
    private final String latex;

    Latex(String latex) {
        String source = Objects.requireNonNull(latex, "latex").strip();
        boolean delimited = source.startsWith("$") || source.startsWith("\\[") || source.startsWith("\\(")
                || source.startsWith("\\begin");
        this.latex = delimited ? source : "$$" + source + "$$";
    }

    /** The delimited LaTeX source. */
    public String latex() {
        return latex;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.of("text/latex", latex).with("text/plain", latex);
    }

    @Override
    public String toString() {
        return latex;
    }
}
