package org.deepbrew.notebook;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What a notebook asks of its environment: quick mode (set by the test command to shorten
 * training) and where data is cached.
 */
public final class Notebook {
    /** Environment variable that turns quick mode on when set to {@code 1} or {@code true}. */
    public static final String QUICK_ENV = "DEEPBREW_QUICK";
    /** Environment variable naming the data and cache folder. */
    public static final String DATA_ENV = "DEEPBREW_DATA";

    private Notebook() {}

    /** True when the notebook should train briefly (tests and CI), false for a full run. */
    public static boolean quick() {
        String v = System.getenv(QUICK_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** {@code quickValue} in quick mode, else {@code fullValue}: epochs, steps, sample counts. */
    public static int pick(int quickValue, int fullValue) {
        return quick() ? quickValue : fullValue;
    }

    /** Double variant of {@link #pick(int, int)}, for floors that differ between modes. */
    public static double pick(double quickValue, double fullValue) {
        return quick() ? quickValue : fullValue;
    }

    /** The data and cache folder: {@code $DEEPBREW_DATA}, else {@code ~/.deepbrew/data}. */
    public static Path dataDir() {
        String v = System.getenv(DATA_ENV);
        if (v != null && !v.isBlank()) {
            return Paths.get(v);
        }
        return Paths.get(System.getProperty("user.home"), ".deepbrew", "data");
    }
}
