package org.deepbrew.data;

import org.deepbrew.display.TextForms;

/** Formats byte counts for people. */
public final class DataSize {
    private DataSize() {}

    /** E.g. {@code 26.4 MB}; decimal units, as download sizes are usually quoted. */
    public static String format(long bytes) {
        return TextForms.bytes(bytes);
    }
}
