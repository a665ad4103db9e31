package org.deepbrew.data.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * K-fold cross-validation: the rows are shuffled once (seeded) and cut into k folds; fold i
 * validates while the others train. Every row validates exactly once.
 */
public final class KFold implements Iterable<KFold.Fold> {
    private final int[][] folds;

    /** One round: the rows to train on and the rows to validate on. */
    public record Fold(int index, int[] train, int[] validation) {}

    private KFold(int[][] folds) {
        this.folds = folds;
    }

    /** {@code k} folds over {@code n} rows; fold sizes differ by at most one. */
    public static KFold of(int n, int k, long seed) {
        check(n, k);
        int[] order = Splits.shuffled(n, new Random(seed));
        List<List<Integer>> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            parts.get(i % k).add(order[i]);
        }
        return new KFold(toArrays(parts));
    }

    /** {@code k} folds whose class ratios match the whole: each class is dealt round-robin over the folds. */
    public static KFold stratified(int[] labels, int k, long seed) {
        check(labels.length, k);
        Random random = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            parts.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> rows : Splits.byClass(labels)) {
            int[] perm = Splits.shuffled(rows.size(), random);
            for (int p : perm) {
                parts.get(next++ % k).add(rows.get(p));
            }
        }
        return new KFold(toArrays(parts));
    }

    private static int[][] toArrays(List<List<Integer>> parts) {
        int[][] out = new int[parts.size()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = parts.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static void check(int n, int k) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k must be between 2 and the number of rows (" + n + "), got " + k);
        }
    }

    /** Number of folds. */
    public int k() {
        return folds.length;
    }

    /** Fold {@code i}. */
    public Fold fold(int i) {
        int total = Arrays.stream(folds).mapToInt(f -> f.length).sum();
        int[] train = new int[total - folds[i].length];
        int t = 0;
        for (int f = 0; f < folds.length; f++) {
            if (f != i) {
                System.arraycopy(folds[f], 0, train, t, folds[f].length);
                t += folds[f].length;
            }
        }
        return new Fold(i, train, folds[i].clone());
    }

    @Override
    public Iterator<Fold> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < folds.length;
            }

            @Override
            public Fold next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return fold(i++);
            }
        };
    }
}
