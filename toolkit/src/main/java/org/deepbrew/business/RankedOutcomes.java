package org.deepbrew.business;

import org.deepbrew.train.metrics.Roc;

/**
 * Cumulative true and false positives of "act when score ≥ threshold" at every threshold, highest
 * first, from the ROC sweep (so ties are grouped the one way {@link Roc} groups them). The first
 * point, threshold +∞, acts on no one. Profit, gain and precision curves are all functions of it.
 */
final class RankedOutcomes {
    final double[] thresholds;
    final long[] truePositives;
    final long[] falsePositives;
    final long positives;
    final long negatives;

    private RankedOutcomes(double[] thresholds, long[] tp, long[] fp, long positives, long negatives) {
        this.thresholds = thresholds;
        this.truePositives = tp;
        this.falsePositives = fp;
        this.positives = positives;
        this.negatives = negatives;
    }

    static RankedOutcomes of(int[] labels, double[] scores, String what) {
        BinaryScores.check(labels, scores);
        long positives = java.util.Arrays.stream(labels).sum();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(what + " needs positive and negative items; got " + positives
                    + " positives and " + negatives + " negatives");
        }
        Roc roc = Roc.of(labels, scores);
        double[] tpr = roc.truePositiveRates();
        double[] fpr = roc.falsePositiveRates();
        long[] tp = new long[tpr.length];
        long[] fp = new long[fpr.length];
        for (int k = 0; k < tp.length; k++) {
            // The rates are counts divided by class sizes; multiplying back and rounding is exact.
            tp[k] = Math.round(tpr[k] * positives);
            fp[k] = Math.round(fpr[k] * negatives);
        }
        return new RankedOutcomes(roc.thresholds(), tp, fp, positives, negatives);
    }

    int points() {
        return thresholds.length;
    }

    long items() {
        return positives + negatives;
    }

    /** Items acted on at point k. */
    long targeted(int k) {
        return truePositives[k] + falsePositives[k];
    }
}
