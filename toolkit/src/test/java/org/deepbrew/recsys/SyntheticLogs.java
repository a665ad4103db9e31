package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Logs with a known structure for testing and timing the recommenders. */
final class SyntheticLogs {
    private SyntheticLogs() {
    }

    /**
     * Training sequences and test cases with a planted structure: users alternate between two groups,
     * group 0 uses only items {@code 1..items/2} and group 1 only the rest. Each user has
     * {@code perUser} distinct training items from their half and a test target from the same half
     * not among them. The best possible model knows the group and nothing more, since items are
     * uniform within a half.
     */
    static Planted twoGroups(int users, int items, int perUser, long seed) {
        Random random = new Random(seed);
        int half = items / 2;
        List<int[]> training = new ArrayList<>();
        List<RankingCase> test = new ArrayList<>();
        int[] group = new int[users];
        for (int u = 0; u < users; u++) {
            group[u] = u % 2;
            int first = group[u] == 0 ? 1 : half + 1;
            int size = group[u] == 0 ? half : items - half;
            int[] picked = distinct(random, perUser + 1, first, size);
            int[] history = java.util.Arrays.copyOf(picked, perUser);
            training.add(history);
            test.add(new RankingCase(u, history, picked[perUser]));
        }
        return new Planted(training, test, group, half);
    }

    private static int[] distinct(Random random, int count, int first, int size) {
        int[] pool = new int[size];
        for (int i = 0; i < size; i++) {
            pool[i] = first + i;
        }
        for (int i = 0; i < count; i++) { // partial Fisher-Yates
            int j = i + random.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, count);
    }

    /**
     * A log of realistic MovieLens-small size with long tails: user activity and item popularity
     * both follow power laws (a few users and items account for much of the log).
     */
    static InteractionLog longTail(int users, int items, int interactions, long seed) {
        Random random = new Random(seed);
        double[] itemWeight = new double[items];
        double[] userWeight = new double[users];
        for (int i = 0; i < items; i++) {
            itemWeight[i] = 1.0 / Math.pow(i + 1, 0.9);
        }
        for (int u = 0; u < users; u++) {
            userWeight[u] = 1.0 / Math.pow(u + 1, 0.7);
        }
        double[] itemCdf = cdf(itemWeight);
        double[] userCdf = cdf(userWeight);
        int[] us = new int[interactions];
        int[] its = new int[interactions];
        long[] ts = new long[interactions];
        for (int r = 0; r < interactions; r++) {
            us[r] = draw(userCdf, random) + 1;
            its[r] = draw(itemCdf, random) + 1;
            ts[r] = random.nextInt(1_000_000);
        }
        return InteractionLog.of(us, its, ts);
    }

    private static double[] cdf(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= s;
        }
        return c;
    }

    private static int draw(double[] cdf, Random random) {
        int k = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, k >= 0 ? k : -k - 1);
    }

    /** A planted log: training sequences, one test case per user, each user's group, the first half's size. */
    record Planted(List<int[]> training, List<RankingCase> test, int[] group, int half) {
    }
}
