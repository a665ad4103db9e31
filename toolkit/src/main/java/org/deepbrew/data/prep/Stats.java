package org.deepbrew.data.prep;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Small descriptive statistics used by the preprocessing steps. */
public final class Stats {
    private Stats() {}

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Population standard deviation. */
    public static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /** The q-quantile (0..1) by linear interpolation between order statistics. */
    public static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** The most frequent value; the smallest one on ties, so the result is deterministic. */
    public static double mode(double[] v) {
        Map<Double, Integer> counts = new HashMap<>();
        double best = Double.NaN;
        int bestCount = 0;
        for (double x : v) {
            int c = counts.merge(x, 1, Integer::sum);
            if (c > bestCount || c == bestCount && x < best) {
                best = x;
                bestCount = c;
            }
        }
        return best;
    }

    public static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    public static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
