package org.deepbrew.business;

import org.knowm.xchart.XYChart;

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
     * @param labels 1 for a positive item, 0 for a negative one; both must occur
     * @param scores higher means "more likely positive"
     */
    public static PrecisionRecallCurve of(int[] labels, double[] scores) {
        RankedOutcomes ranked = RankedOutcomes.of(labels, scores, "a precision-recall curve");
        // Point 0 acts on no one, where precision is undefined; the curve starts at the top score.
        int n = ranked.points() - 1;
        double[] r = new double[n];
        double[] p = new double[n];
        double[] th = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = (double) ranked.truePositives[k + 1] / ranked.positives;
            p[k] = (double) ranked.truePositives[k + 1] / ranked.targeted(k + 1);
            th[k] = ranked.thresholds[k + 1];
        }
        return new PrecisionRecallCurve(r, p, th, (double) ranked.positives / ranked.items());
    }

    /** {@link #of(int[], double[])} for class {@code positiveClass} of softmax rows and class labels. */
    public static PrecisionRecallCurve of(int[] labels, float[][] probabilities, int positiveClass) {
        return of(BinaryScores.isClass(labels, positiveClass), BinaryScores.column(probabilities, positiveClass));
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
