package org.deepbrew.display;

import java.lang.reflect.Array;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Small text helpers the renderers share: HTML escaping, tag stripping, number formats, arrays. */
public final class TextForms {
    /** Arrays longer than this print their head and tail only. */
    static final int MAX_ARRAY_ITEMS = 100;

    private TextForms() {}

    /** Escapes the five characters that are special in HTML text and attribute values. */
    public static String escapeHtml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML reduced to its text: tags dropped, common entities decoded. */
    public static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h[1-6]>|</li>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&")
                .strip();
    }

    /** A count with thousands separators: {@code 1,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A byte count in decimal units, as download sizes are quoted: {@code 26.4 MB}; negative: {@code ?}. */
    public static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A number in at most ~6 significant digits, integers without a decimal point. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(v);
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    /** A duration in seconds as {@code 1:02:03} or {@code 02:03}. */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /**
     * A Java array as text: one-dimensional arrays on one line ({@code [1, 2, 3]}, head and tail
     * when long), arrays of arrays one row per line.
     */
    public static String array(Object array) {
        StringBuilder out = new StringBuilder();
        appendArray(out, array, 0);
        return out.toString();
    }

    private static void appendArray(StringBuilder out, Object array, int depth) {
        int n = Array.getLength(array);
        String separator = array.getClass().getComponentType().isArray()
                ? ",\n" + " ".repeat(depth + 1) : ", ";
        boolean shortened = n > MAX_ARRAY_ITEMS;
        int half = MAX_ARRAY_ITEMS / 2;
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(separator);
            }
            if (shortened && i == half) {
                out.append("... ").append(count(n - MAX_ARRAY_ITEMS)).append(" more ...");
                i = n - half - 1;
                continue;
            }
            Object item = Array.get(array, i);
            if (item != null && item.getClass().isArray()) {
                appendArray(out, item, depth + 1);
            } else if (item instanceof Double || item instanceof Float) {
                out.append(number(((Number) item).doubleValue()));
            } else {
                out.append(item);
            }
        }
        out.append(']');
    }
}
