package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up per-user sequences with a known structure: a planted pattern a model must find, or a
 * log shaped like a real one for timings. Item ids are 1..items, oldest first.
 */
public final class SyntheticSequences {
    private SyntheticSequences() {}

    /**
     * Each user starts at a random item and then always moves on to the next one, item {@code i}
     * followed by {@code i mod items + 1}; lengths are drawn from {@code minLength..maxLength}. The
     * next item is fully determined by the last one, and every user meets every item about equally
     * often when lengths are a multiple of {@code items} or long.
     */
    public static List<int[]> cyclic(int users, int items, int minLength, int maxLength, long seed) {
        if (users < 1 || items < 2 || minLength < 2 || maxLength < minLength) {
            throw new IllegalArgumentException("need users >= 1, items >= 2, 2 <= minLength <= maxLength; got "
                    + users + ", " + items + ", " + minLength + ", " + maxLength);
        }
        Random r = new Random(seed);
        List<int[]> out = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            int[] s = new int[minLength + r.nextInt(maxLength - minLength + 1)];
            s[0] = 1 + r.nextInt(items);
            for (int t = 1; t < s.length; t++) {
                s[t] = s[t - 1] % items + 1;
            }
            out.add(s);
        }
        return out;
    }

    /**
     * A log shaped like a small public ratings log: history lengths log-normal around {@code
     * medianLength} (a long tail of heavy users, at least 5 items each), items drawn with
     * Zipf-like popularity (the item of rank k with weight 1/k). For timings, not for accuracy.
     */
    public static List<int[]> longTailed(int users, int items, int medianLength, long seed) {
        if (users < 1 || items < 2 || medianLength < 5) {
            throw new IllegalArgumentException("need users >= 1, items >= 2, medianLength >= 5; got "
                    + users + ", " + items + ", " + medianLength);
        }
        Random r = new Random(seed);
        double[] cumulative = new double[items];
        double total = 0;
        for (int k = 0; k < items; k++) {
            total += 1.0 / (k + 1);
            cumulative[k] = total;
        }
        List<int[]> out = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            int length = (int) Math.max(5, Math.round(medianLength * Math.exp(r.nextGaussian())));
            int[] s = new int[length];
            for (int t = 0; t < length; t++) {
                int k = java.util.Arrays.binarySearch(cumulative, r.nextDouble() * total);
                s[t] = (k >= 0 ? k : -k - 1) + 1;
            }
            out.add(s);
        }
        return out;
    }
}
