package org.deepbrew.train.metrics;

/** Top-k accuracy: an item counts as right when its true class is among its k highest scores. */
public final class TopK {
    private TopK() {}

    /**
     * @param scores one row of class scores per item
     * @param labels the true class of each item
     */
    public static double accuracy(float[][] scores, int[] labels, int k) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " score rows but " + labels.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no items");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        long hits = 0;
        for (int i = 0; i < scores.length; i++) {
            float[] row = scores[i];
            int y = labels[i];
            if (y < 0 || y >= row.length) {
                throw new IllegalArgumentException("labels[" + i + "] = " + y + " but there are " + row.length + " classes");
            }
            // Rank of the true class = number of classes scoring strictly higher; ties favour the label.
            int higher = 0;
            for (float s : row) {
                if (s > row[y]) {
                    higher++;
                }
            }
            hits += higher < k ? 1 : 0;
        }
        return (double) hits / scores.length;
    }
}
