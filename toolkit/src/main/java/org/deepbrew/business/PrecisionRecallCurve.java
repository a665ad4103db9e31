package org.deepbrew.business;

import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision against recall as the threshold sweeps from high to low: the view of a rare positive
 * class that ROC hides, since ROC's false-positive rate divides by the many negatives. Tied scores
 * enter together, as in {@link org.deepbrew.train.metrics.Roc}.
 */
public final class PrecisionRecallCurve {
    private final double[] recall;
    private final double[] precision;
    private final double[] thresholds;
    private final double baseRate;

    private PrecisionRecallCurve(double[] recall, double[] precision, double[] thresholds, double baseRate) {
        this.recall = recall;
        this.precision = precision;
        this.thresholds = thresholds;
        this.baseRate = baseRate;
    }

    /**
     * @param labels 1 for a positive item, 0 for a negative one; at least one positive
     * @param scores higher means "more likely positive"
     */
    public static PrecisionRecallCurve of(int[] labels, double[] scores) {
        BinaryScores.check(labels, scores);
        long positives = java.util.Arrays.stream(labels).sum();
        if (positives == 0) {
            throw new IllegalArgumentException("precision and recall need at least one positive item");
        }
        Integer[] order = BinaryScores.byScoreDescending(scores);
        List<double[]> points = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            double t = scores[order[i]];
            while (i < order.length && scores[order[i]] == t) {
                if (labels[order[i]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            points.add(new double[] {(double) tp / positives, (double) tp / (tp + fp), t});
        }
        double[] r = new double[points.size()];
        double[] p = new double[points.size()];
        double[] th = new double[points.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = points.get(k)[0];
            p[k] = points.get(k)[1];
            th[k] = points.get(k)[2];
        }
        return new PrecisionRecallCurve(r, p, th, (double) positives / labels.length);
    }

    /** {@link #of(int[], double[])} for class {@code positiveClass} of softmax rows and class labels. */
    public static PrecisionRecallCurve of(int[] labels, float[][] probabilities, int positiveClass) {
        int[] positive = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == positiveClass ? 1 : 0;
        }
        return of(positive, BinaryScores.column(probabilities, positiveClass));
    }

    /** Recall at each threshold, rising to 1. */
    public double[] recalls() {
        return recall.clone();
    }

    /** Precision at each threshold. */
    public double[] precisions() {
        return precision.clone();
    }

    /** The thresholds, highest first (positive when score ≥ threshold). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * Average precision: Σ (R_k − R_{k−1}) · P_k, the precision averaged over the recall levels
     * reached (the step-wise area, without the optimistic interpolation of a trapezoid).
     */
    public double averagePrecision() {
        double ap = 0;
        double previous = 0;
        for (int k = 0; k < recall.length; k++) {
            ap += (recall[k] - previous) * precision[k];
            previous = recall[k];
        }
        return ap;
    }

    /** The curve with the base rate, the precision of a random ranking, for reference. */
    public XYChart plot() {
        XYChart chart = Charts.xy(String.format(Locale.ROOT, "Precision-recall (average precision %.3f)", averagePrecision()),
                "recall", "precision");
        Charts.curve(chart, "model", recall, precision);
        Charts.curve(chart, "random", new double[] {0, 1}, new double[] {baseRate, baseRate});
        return chart;
    }
}
