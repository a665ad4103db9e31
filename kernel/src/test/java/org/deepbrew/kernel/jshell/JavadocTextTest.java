package org.deepbrew.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocTextTest {
    @Test
    void inlineTagsAndHtmlBecomePlainText() {
        String javadoc = "Returns the greater of two {@code int} values.<p>\n"
                + " Compare {@link Integer#MAX_VALUE}, {@link #min(int, int) the minimum} and {@linkplain List}.\n"
                + " <ul><li>a &lt; b</li></ul>\n"
                + " @param a an argument.";
        assertEquals("Returns the greater of two int values.\n\n"
                        + "Compare Integer.MAX_VALUE, the minimum and List.\n\n"
                        + "  - a < b\n\n"
                        + "@param a an argument.",
                JavadocText.plain(javadoc));
    }
}
