package org.deepbrew.business;

import java.util.Locale;

/**
 * One arm of an experiment: how many users saw it and how many of them converted.
 *
 * @param conversions users who converted
 * @param users users assigned to the arm
 */
public record Arm(long conversions, long users) {
    public Arm {
        if (users <= 0) {
            throw new IllegalArgumentException("an arm needs at least one user, got " + users);
        }
        if (conversions < 0 || conversions > users) {
            throw new IllegalArgumentException("conversions must be between 0 and users (" + users + "), got " + conversions);
        }
    }

    /** The arm of a 0/1 outcome per user. */
    public static Arm of(int[] converted) {
        long c = 0;
        for (int i = 0; i < converted.length; i++) {
            if (converted[i] != 0 && converted[i] != 1) {
                throw new IllegalArgumentException("converted[" + i + "] = " + converted[i] + "; outcomes must be 0 or 1");
            }
            c += converted[i];
        }
        return new Arm(c, converted.length);
    }

    /** conversions / users. */
    public double rate() {
        return (double) conversions / users;
    }

    /**
     * Wilson's score interval for the conversion rate: unlike rate ± z·se it stays inside [0, 1]
     * and keeps close to its nominal coverage for small counts and rates near 0 or 1.
     */
    public Interval wilsonInterval(double confidence) {
        double z = Normal.twoSidedCritical(1 - checkConfidence(confidence));
        double n = users;
        double p = rate();
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    static double checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95; got " + confidence);
        }
        return confidence;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d = %.4f", conversions, users, rate());
    }
}
