package org.deepbrew.kernel.jshell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Javadoc comment text as plain text for an inspect pane: inline tags and HTML resolved. */
final class JavadocText {
    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^{}]*)}");
    private static final Pattern LINK = Pattern.compile(
            "\\{@link(?:plain)?\\s+([^\\s{}(]+(?:\\([^)]*\\))?)(?:\\s+([^{}]*))?}");
    private static final Pattern OTHER_INLINE = Pattern.compile("\\{@\\w+\\s*([^{}]*)}");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)\\s*<(?:p|br|/p|ul|/ul|ol|/ol)\\s*/?>\\s*");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li>\\s*");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

    private JavadocText() {}

    static String plain(String javadoc) {
        String s = CODE.matcher(javadoc).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null && !m.group(2).isBlank() ? m.group(2).strip() : linkTarget(m.group(1))));
        s = OTHER_INLINE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = PARAGRAPH.matcher(s).replaceAll("\n\n");
        s = LIST_ITEM.matcher(s).replaceAll("\n  - ");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }

    /** {@code String#substring(int)} reads better as {@code String.substring(int)}; a bare member as itself. */
    private static String linkTarget(String ref) {
        return ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.');
    }
}
