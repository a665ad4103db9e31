package org.deepbrew.notebook;

import java.util.Locale;

/**
 * Assertions a notebook makes about what it teaches. Each passing check prints one line, so a
 * reader sees the claim verified; a failing one throws, which fails the cell and the notebook test.
 *
 * <p>Plain {@code assert} is off unless the JVM runs with {@code -ea}; these checks never are.
 */
public final class Checks {
    private Checks() {}

    /** Fails with {@code claim} unless {@code ok}. */
    public static void check(boolean ok, String claim) {
        if (!ok) {
            throw new AssertionError("Check failed: " + claim);
        }
        System.out.println("\u2713 " + claim);
    }

    /** Fails unless {@code actual >= floor}; prints the measured value either way it goes. */
    public static void checkAtLeast(String what, double actual, double floor) {
        String claim = String.format(Locale.ROOT, "%s = %.4f (floor %.4f)", what, actual, floor);
        check(actual >= floor, claim);
    }

    /** Fails unless {@code actual <= ceiling}. */
    public static void checkAtMost(String what, double actual, double ceiling) {
        String claim = String.format(Locale.ROOT, "%s = %.4g (ceiling %.4g)", what, actual, ceiling);
        check(actual <= ceiling, claim);
    }

    /** Fails unless {@code |actual - expected| <= tolerance}. */
    public static void checkClose(String what, double actual, double expected, double tolerance) {
        String claim = String.format(Locale.ROOT, "%s = %.6g, expected %.6g \u00b1 %.1g",
                what, actual, expected, tolerance);
        check(Math.abs(actual - expected) <= tolerance, claim);
    }

    /** Fails unless the two values are equal. */
    public static void checkEquals(String what, Object actual, Object expected) {
        check(java.util.Objects.equals(actual, expected),
                what + " = " + actual + (java.util.Objects.equals(actual, expected) ? "" : ", expected " + expected));
    }
}
