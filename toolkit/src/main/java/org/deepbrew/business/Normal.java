package org.deepbrew.business;

/**
 * The standard normal distribution: its cumulative distribution function and its inverse, to
 * about 1e-15 absolute accuracy, which is what z tests, confidence intervals and power need.
 */
public final class Normal {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Normal() {}

    /** The density φ(z). */
    public static double density(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** Φ(z) = P(Z ≤ z). */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < -3) {
            return upperTail(-z);
        }
        if (z > 3) {
            return 1 - upperTail(z);
        }
        // Marsaglia's series Φ(z) = ½ + φ(z)(z + z³/3 + z⁵/(3·5) + …): all terms share a sign, so
        // no cancellation for |z| ≤ 3.
        double term = z;
        double sum = z;
        double z2 = z * z;
        for (int k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
            term *= z2 / k;
            sum += term;
        }
        return 0.5 + density(z) * sum;
    }

    /** P(Z > z) for z ≥ 3 by Laplace's continued fraction, accurate in relative terms far into the tail. */
    private static double upperTail(double z) {
        double f = z;
        for (int k = 120; k >= 1; k--) {
            f = z + k / f;
        }
        return density(z) / f;
    }

    /** The z with Φ(z) = p, for 0 < p < 1. */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a normal quantile needs 0 < p < 1, got " + p);
        }
        return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
    }

    /** Newton's method on log Φ(z) = log p for p ≤ ½: concave in z, so it converges from any start. */
    private static double lowerQuantile(double p) {
        double target = Math.log(p);
        double z = Math.log(p / (1 - p)) / 1.702;
        for (int i = 0; i < 100; i++) {
            double c = cdf(z);
            double step = (Math.log(c) - target) * c / density(z);
            z -= step;
            if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        return z;
    }

    /** The two-sided critical value z with P(|Z| > z) = alpha, e.g. 1.96 for alpha 0.05. */
    public static double twoSidedCritical(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        return quantile(1 - alpha / 2);
    }

    /** P(|Z| ≥ |z|). */
    public static double twoSidedP(double z) {
        return Math.min(1, 2 * cdf(-Math.abs(z)));
    }
}
