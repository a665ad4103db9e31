package org.deepbrew.business;

import java.util.Locale;

/**
 * Sample size and power of a two-sided two-proportion z test with equal arms, planned before the
 * experiment starts. Effects are absolute (0.02 means 10 % → 12 %). The normal approximation uses
 * the pooled standard error under the null and the unpooled one under the alternative (Fleiss,
 * without continuity correction).
 *
 * <pre>{@code
 * PowerAnalysis plan = PowerAnalysis.baseline(0.10).alpha(0.05).power(0.8);
 * plan.usersPerArm(0.02);                  // 3,841
 * plan.minimumDetectableEffect(5_000);     // the smallest lift 5,000 users per arm detect
 * }</pre>
 */
public final class PowerAnalysis {
    private final double baseline;
    private final double alpha;
    private final double power;

    private PowerAnalysis(double baseline, double alpha, double power) {
        if (!(baseline > 0 && baseline < 1)) {
            throw new IllegalArgumentException("the baseline conversion rate must be in (0, 1), got " + baseline);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power);
        }
        this.baseline = baseline;
        this.alpha = alpha;
        this.power = power;
    }

    /** A plan for a control arm converting at {@code rate}; alpha 0.05 and power 0.8 until changed. */
    public static PowerAnalysis baseline(double rate) {
        return new PowerAnalysis(rate, 0.05, 0.8);
    }

    /** The false-positive rate the test allows (two-sided). */
    public PowerAnalysis alpha(double alpha) {
        return new PowerAnalysis(baseline, alpha, power);
    }

    /** The probability of detecting the effect when it is real. */
    public PowerAnalysis power(double power) {
        return new PowerAnalysis(baseline, alpha, power);
    }

    /** The control arm's conversion rate. */
    public double baseline() {
        return baseline;
    }

    /** Users each arm needs to detect an absolute {@code effect} with the planned power, rounded up. */
    public long usersPerArm(double effect) {
        return (long) Math.ceil(exactUsersPerArm(effect));
    }

    /** {@link #usersPerArm(double)} before rounding up. */
    public double exactUsersPerArm(double effect) {
        double treated = treatedRate(effect);
        double pooled = (baseline + treated) / 2;
        double sNull = Math.sqrt(2 * pooled * (1 - pooled));
        double sAlt = Math.sqrt(baseline * (1 - baseline) + treated * (1 - treated));
        double n = (Normal.twoSidedCritical(alpha) * sNull + Normal.quantile(power) * sAlt) / effect;
        return n * n;
    }

    /** The probability that a test with {@code usersPerArm} users in each arm detects {@code effect}. */
    public double power(double effect, long usersPerArm) {
        if (usersPerArm < 1) {
            throw new IllegalArgumentException("need at least one user per arm, got " + usersPerArm);
        }
        double treated = treatedRate(effect);
        double pooled = (baseline + treated) / 2;
        double sNull = Math.sqrt(2 * pooled * (1 - pooled) / usersPerArm);
        double sAlt = Math.sqrt((baseline * (1 - baseline) + treated * (1 - treated)) / usersPerArm);
        double z = Normal.twoSidedCritical(alpha);
        double d = Math.abs(effect);
        // Both tails: a two-sided test also "detects" an effect when it lands on the wrong side.
        return Normal.cdf((d - z * sNull) / sAlt) + Normal.cdf((-d - z * sNull) / sAlt);
    }

    /**
     * The smallest positive absolute effect that {@code usersPerArm} users per arm detect with the
     * planned power, found by bisection (power grows with the effect).
     */
    public double minimumDetectableEffect(long usersPerArm) {
        double lo = 0;
        double hi = 1 - baseline;
        if (power(hi * (1 - 1e-12), usersPerArm) < power) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d users per arm cannot reach power %.2f for any effect from a baseline of %.3f",
                    usersPerArm, power, baseline));
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (power(mid, usersPerArm) < power) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private double treatedRate(double effect) {
        double treated = baseline + effect;
        if (effect == 0 || !(treated > 0 && treated < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the effect must be non-zero and keep the treated rate in (0, 1); baseline %.4f + effect %.4f",
                    baseline, effect));
        }
        return treated;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "baseline %.4f, alpha %.3f, power %.2f", baseline, alpha, power);
    }
}
