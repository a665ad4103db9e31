package org.deepbrew.business;

import java.util.Locale;

/**
 * A confidence interval [lower, upper] for an estimate.
 *
 * @param lower lower bound
 * @param upper upper bound
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval needs lower ≤ upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code value} lies in the interval, bounds included. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** upper − lower. */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.5f, %.5f]", lower, upper);
    }
}
