package org.deepbrew.data;

/** Formats byte counts for people. */
public final class DataSize {
    private DataSize() {}

    /** E.g. {@code 26.4 MB}; decimal units, as download sizes are usually quoted. */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}
