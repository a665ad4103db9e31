package org.deepbrew.recsys;

import java.util.Arrays;
import java.util.List;

/** Checks and views of training sequences shared by the baselines. */
final class TrainingData {
    private TrainingData() {
    }

    /** Throws unless every id in {@code sequences} is in {@code 1..itemCount}. */
    static void check(List<int[]> sequences, int itemCount) {
        if (itemCount < 1) {
            throw new IllegalArgumentException("item count must be at least 1, got " + itemCount);
        }
        for (int u = 0; u < sequences.size(); u++) {
            for (int item : sequences.get(u)) {
                checkItem(item, itemCount, "training sequence " + u);
            }
        }
    }

    static void checkItem(int item, int itemCount, String where) {
        if (item < 1 || item > itemCount) {
            throw new IllegalArgumentException(where + " holds item " + item + ", outside 1.." + itemCount
                    + " (0 is padding)");
        }
    }

    /** The distinct items of {@code sequence}, ascending. */
    static int[] distinct(int[] sequence) {
        return Arrays.stream(sequence).distinct().sorted().toArray();
    }
}
