package org.deepbrew.display;

import java.util.Objects;

/**
 * A formula that Jupyter typesets with MathJax. Created with {@link Display#latex(String)}; a
 * bare formula such as {@code \sigma(x) = 1 / (1 + e^{-x})} is wrapped in {@code $$...$$} because
 * Jupyter only typesets delimited math.
 */
public final class Latex extends MarkupText {

    Latex(String latex) {
        super("text/latex", delimited(Objects.requireNonNull(latex, "latex").strip()));
    }

    /** The delimited LaTeX source. */
    public String latex() {
        return source();
    }

    private static String delimited(String source) {
        boolean delimited = source.startsWith("$") || source.startsWith("\\[") || source.startsWith("\\(")
                || source.startsWith("\\begin");
        return delimited ? source : "$$" + source + "$$";
    }
}
