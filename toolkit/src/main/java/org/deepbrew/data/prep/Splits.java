package org.deepbrew.data.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded splits of row indices: plain and stratified train/test and train/validation/test, so
 * that the same seed always gives the same rows and, when stratified, every part keeps the class
 * ratios of the whole.
 */
public final class Splits {
    private Splits() {}

    /** Two disjoint sets of row indices. */
    public record Split(int[] first, int[] second) {}

    /** Three disjoint sets of row indices. */
    public record ThreeWay(int[] train, int[] validation, int[] test) {}

    /** A seeded shuffle of {@code 0..n-1} cut after {@code firstSize} rows. */
    public static Split random(int n, int firstSize, long seed) {
        checkSize(n, firstSize);
        int[] order = shuffled(n, new Random(seed));
        return new Split(Arrays.copyOf(order, firstSize), Arrays.copyOfRange(order, firstSize, n));
    }

    /**
     * Puts exactly {@code firstSize} rows in the first part, each class contributing in proportion
     * to its size (largest remainders get the leftover rows), shuffled within each class by
     * {@code seed}.
     */
    public static Split stratified(int[] labels, int firstSize, long seed) {
        checkSize(labels.length, firstSize);
        List<List<Integer>> byClass = byClass(labels);
        int k = byClass.size();
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double exact = (double) byClass.get(c).size() * firstSize / labels.length;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int i = 0; assigned < firstSize; i++, assigned++) {
            quota[order[i % k]]++;
        }
        Random random = new Random(seed);
        int[] first = new int[firstSize];
        int[] second = new int[labels.length - firstSize];
        int f = 0;
        int s = 0;
        for (int c = 0; c < k; c++) {
            List<Integer> rows = byClass.get(c);
            int[] perm = shuffled(rows.size(), random);
            for (int i = 0; i < perm.length; i++) {
                int row = rows.get(perm[i]);
                if (i < quota[c]) {
                    first[f++] = row;
                } else {
                    second[s++] = row;
                }
            }
        }
        // Interleave classes so a sequential reader does not see one class at a time.
        shuffle(first, random);
        shuffle(second, random);
        return new Split(first, second);
    }

    /**
     * Stratified train/validation/test split by fractions (e.g. 0.7, 0.15; test gets the rest).
     */
    public static ThreeWay stratified(int[] labels, double trainFraction, double validationFraction, long seed) {
        if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction > 1) {
            throw new IllegalArgumentException("Need 0 < train, 0 <= validation, train + validation <= 1; got "
                    + trainFraction + " and " + validationFraction);
        }
        int n = labels.length;
        int trainSize = (int) Math.round(n * trainFraction);
        int validationSize = (int) Math.round(n * validationFraction);
        Split first = stratified(labels, trainSize, seed);
        int[] restLabels = new int[first.second().length];
        for (int i = 0; i < restLabels.length; i++) {
            restLabels[i] = labels[first.second()[i]];
        }
        Split second = stratified(restLabels, Math.min(validationSize, restLabels.length), seed + 1);
        return new ThreeWay(first.first(), map(first.second(), second.first()), map(first.second(), second.second()));
    }

    /** Plain (unstratified) seeded train/validation/test split of {@code n} rows by fractions. */
    public static ThreeWay random(int n, double trainFraction, double validationFraction, long seed) {
        if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction > 1) {
            throw new IllegalArgumentException("Need 0 < train, 0 <= validation, train + validation <= 1; got "
                    + trainFraction + " and " + validationFraction);
        }
        int[] order = shuffled(n, new Random(seed));
        int a = (int) Math.round(n * trainFraction);
        int b = Math.min(n, a + (int) Math.round(n * validationFraction));
        return new ThreeWay(Arrays.copyOf(order, a), Arrays.copyOfRange(order, a, b), Arrays.copyOfRange(order, b, n));
    }

    private static int[] map(int[] base, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = base[idx[i]];
        }
        return out;
    }

    static List<List<Integer>> byClass(int[] labels) {
        int max = -1;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("Labels must be class indices >= 0, found " + l);
            }
            max = Math.max(max, l);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            out.get(labels[i]).add(i);
        }
        return out;
    }

    static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, random);
        return a;
    }

    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void checkSize(int n, int firstSize) {
        if (firstSize < 0 || firstSize > n) {
            throw new IllegalArgumentException("First part of " + firstSize + " rows does not fit in " + n + " rows");
        }
    }
}
