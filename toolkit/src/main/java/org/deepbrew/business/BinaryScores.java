package org.deepbrew.business;

/** Checks shared by everything that takes 0/1 labels with one score per item. */
final class BinaryScores {
    private BinaryScores() {}

    static void check(int[] labels, double[] scores) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + scores.length + " scores");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no items: need at least one label and score");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; labels must be 0 or 1");
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] = " + scores[i] + " is not a finite number");
            }
        }
    }

    static void checkProbabilities(int[] labels, double[] probabilities) {
        check(labels, probabilities);
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] < 0 || probabilities[i] > 1) {
                throw new IllegalArgumentException("probabilities[" + i + "] = " + probabilities[i] + " is outside [0, 1]");
            }
        }
    }

    /** 1 where {@code labels[i] == positiveClass}, else 0: class labels as a yes/no outcome. */
    static int[] isClass(int[] labels, int positiveClass) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == positiveClass ? 1 : 0;
        }
        return out;
    }

    /** Column {@code column} of each row, as doubles: e.g. the positive class's probability. */
    static double[] column(float[][] rows, int column) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][column];
        }
        return out;
    }
}
