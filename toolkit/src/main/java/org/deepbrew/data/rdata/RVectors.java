package org.deepbrew.data.rdata;

import java.util.StringJoiner;
import java.util.function.IntFunction;

/** Shared helpers of the vector classes. */
final class RVectors {
    private static final int PREVIEW = 6;

    private RVectors() {}

    /** The first few elements for {@code toString}, so a 100,000-element vector prints in one line. */
    static String preview(int length, IntFunction<String> element) {
        StringJoiner j = new StringJoiner(", ", " [", length > PREVIEW ? ", ...]" : "]");
        for (int i = 0; i < Math.min(length, PREVIEW); i++) {
            j.add(element.apply(i));
        }
        return j.toString();
    }
}
