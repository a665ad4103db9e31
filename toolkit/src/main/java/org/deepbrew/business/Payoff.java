package org.deepbrew.business;

import org.deepbrew.train.metrics.ConfusionMatrix;

import java.util.Locale;

/**
 * What each outcome of a yes/no decision is worth: the cost/benefit matrix. Benefits are positive,
 * costs negative, all in one currency per item. "Positive" is the class the decision acts on
 * (the customer to call, the tumour to biopsy, the loan to refuse).
 *
 * @param truePositive value of acting on a positive item
 * @param falsePositive value of acting on a negative item (usually a cost)
 * @param falseNegative value of not acting on a positive item (usually a cost)
 * @param trueNegative value of not acting on a negative item (often 0)
 */
public record Payoff(double truePositive, double falsePositive, double falseNegative, double trueNegative) {
    public Payoff {
        for (double v : new double[] {truePositive, falsePositive, falseNegative, trueNegative}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("payoffs must be finite numbers, got " + v);
            }
        }
        if (truePositive - falseNegative + trueNegative - falsePositive <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "acting must pay on positives or not acting on negatives: (TP − FN) + (TN − FP) = %.4g ≤ 0",
                    truePositive - falseNegative + trueNegative - falsePositive));
        }
    }

    /** The total value of a decision's counts. */
    public double value(long tp, long fp, long fn, long tn) {
        return tp * truePositive + fp * falsePositive + fn * falseNegative + tn * trueNegative;
    }

    /** The total value of a binary confusion matrix, with {@code positiveClass} as the class acted on. */
    public double value(ConfusionMatrix cm, int positiveClass) {
        if (cm.classes() != 2) {
            throw new IllegalArgumentException("a payoff prices a yes/no decision; the matrix has " + cm.classes() + " classes");
        }
        int negative = 1 - positiveClass;
        return value(cm.count(positiveClass, positiveClass), cm.count(negative, positiveClass),
                cm.count(positiveClass, negative), cm.count(negative, negative));
    }

    /**
     * The probability above which acting has the higher expected value: p·TP + (1 − p)·FP ≥
     * p·FN + (1 − p)·TN gives p* = (TN − FP) / ((TP − FN) + (TN − FP)). The best threshold when the
     * probabilities are calibrated.
     */
    public double breakEvenProbability() {
        return (trueNegative - falsePositive) / ((truePositive - falseNegative) + (trueNegative - falsePositive));
    }
}
