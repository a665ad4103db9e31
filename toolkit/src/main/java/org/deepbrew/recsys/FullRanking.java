package org.deepbrew.recsys;

/**
 * Ranks over a whole catalogue of score arrays as {@link Recommender#score(int[])} returns them
 * (index = dense item id, entry 0 ignored).
 *
 * <p><b>Ties are pessimistic.</b> The target's rank is 1 plus the number of other candidate items
 * whose score is not below the target's, so an item tied with the target ranks ahead of it. A model
 * that gives every item the same score thus puts the target last, not first. A NaN score counts as
 * ahead of the target, and a NaN target ranks last: a broken model never gains from NaN.
 *
 * <p>Top-k lists order by score, then by lower item id, with NaN scores last.
 */
public final class FullRanking {
    private FullRanking() {
    }

    /**
     * The 1-based rank of {@code target} among the items {@code 1..scores.length-1} not marked in
     * {@code excluded} (may be null: nothing excluded). The target is a candidate even if marked.
     */
    public static int rankOf(float[] scores, int target, boolean[] excluded) {
        checkItem(scores, target);
        float t = scores[target];
        int ahead = 0;
        for (int j = 1; j < scores.length; j++) {
            if (j != target && (excluded == null || !excluded[j]) && !(scores[j] < t)) {
                ahead++;
            }
        }
        return ahead + 1;
    }

    /** As {@link #rankOf(float[], int, boolean[])}, excluding the items of {@code exclude} (repeats allowed). */
    public static int rankOf(float[] scores, int target, int[] exclude) {
        return rankOf(scores, target, marks(scores.length, exclude));
    }

    /**
     * The {@code k} best items not marked in {@code excluded} (may be null), best first; fewer when
     * fewer items are left.
     */
    public static int[] top(float[] scores, int k, boolean[] excluded) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        TopHeap heap = new TopHeap(k);
        for (int j = 1; j < scores.length; j++) {
            if (excluded == null || !excluded[j]) {
                heap.offer(j, scores[j]);
            }
        }
        return heap.bestFirst();
    }

    /** As {@link #top(float[], int, boolean[])}, excluding the items of {@code exclude}. */
    public static int[] top(float[] scores, int k, int[] exclude) {
        return top(scores, k, marks(scores.length, exclude));
    }

    private static boolean[] marks(int length, int[] items) {
        boolean[] m = new boolean[length];
        if (items != null) {
            for (int i : items) {
                if (i > 0 && i < length) {
                    m[i] = true;
                }
            }
        }
        return m;
    }

    private static void checkItem(float[] scores, int item) {
        if (item < 1 || item >= scores.length) {
            throw new IllegalArgumentException("item " + item + " is outside 1.." + (scores.length - 1));
        }
    }
}
