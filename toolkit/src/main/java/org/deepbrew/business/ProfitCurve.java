package org.deepbrew.business;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Locale;

/**
 * Expected profit per item of the rule "act when score ≥ threshold", for every threshold the
 * scores allow, priced by a {@link Payoff}. The threshold that maximises it is the one to deploy;
 * it is rarely 0.5, and it moves when the costs do even though accuracy does not.
 *
 * <pre>{@code
 * ProfitCurve curve = ProfitCurve.of(labels, probabilities, new Payoff(90, -10, 0, 0));
 * curve.bestThreshold();
 * curve.plot();
 * }</pre>
 */
public final class ProfitCurve {
    private final double[] thresholds;
    private final double[] profits;
    private final double[] targeted;
    private final Payoff payoff;

    private ProfitCurve(double[] thresholds, double[] profits, double[] targeted, Payoff payoff) {
        this.thresholds = thresholds;
        this.profits = profits;
        this.targeted = targeted;
        this.payoff = payoff;
    }

    /**
     * @param labels 1 for a positive item, 0 for a negative one
     * @param scores higher means "more likely positive"; probabilities for {@link Payoff#breakEvenProbability()} to apply
     */
    public static ProfitCurve of(int[] labels, double[] scores, Payoff payoff) {
        RankedOutcomes r = RankedOutcomes.of(labels, scores, "a profit curve");
        int n = r.points();
        double[] profits = new double[n];
        double[] targeted = new double[n];
        for (int k = 0; k < n; k++) {
            long tp = r.truePositives[k];
            long fp = r.falsePositives[k];
            profits[k] = payoff.value(tp, fp, r.positives - tp, r.negatives - fp) / r.items();
            targeted[k] = (double) r.targeted(k) / r.items();
        }
        return new ProfitCurve(r.thresholds, profits, targeted, payoff);
    }

    /** {@link #of(int[], double[], Payoff)} for class {@code positiveClass} of softmax rows and class labels. */
    public static ProfitCurve of(int[] labels, float[][] probabilities, int positiveClass, Payoff payoff) {
        return of(BinaryScores.isClass(labels, positiveClass), BinaryScores.column(probabilities, positiveClass), payoff);
    }

    /** The thresholds, from +∞ (act on no one) down to the lowest score (act on everyone). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Expected profit per item at each threshold. */
    public double[] profits() {
        return profits.clone();
    }

    /** Fraction of items acted on at each threshold. */
    public double[] fractionTargeted() {
        return targeted.clone();
    }

    /** The payoff matrix the curve prices with. */
    public Payoff payoff() {
        return payoff;
    }

    private int bestIndex() {
        int best = 0;
        for (int k = 1; k < profits.length; k++) {
            if (profits[k] > profits[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The threshold with the highest expected profit (the highest such threshold on ties). */
    public double bestThreshold() {
        return thresholds[bestIndex()];
    }

    /** The highest expected profit per item. */
    public double bestProfit() {
        return profits[bestIndex()];
    }

    /** The fraction of items acted on at the best threshold. */
    public double bestFractionTargeted() {
        return targeted[bestIndex()];
    }

    /** Expected profit per item of acting when score ≥ {@code threshold}. */
    public double profitAt(double threshold) {
        // thresholds descend; the rule at t acts on every group whose score ≥ t.
        int k = 0;
        while (k + 1 < thresholds.length && thresholds[k + 1] >= threshold) {
            k++;
        }
        return profits[k];
    }

    /** Expected profit per item against the threshold, the best one marked. */
    public XYChart plot() {
        int n = thresholds.length - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = thresholds[k + 1];
            y[k] = profits[k + 1];
        }
        XYChart chart = Charts.xy(String.format(Locale.ROOT, "Expected profit per item (best %.3f at threshold %.3f)",
                bestProfit(), bestThreshold()), "threshold (act when score ≥ threshold)", "profit per item");
        Charts.curve(chart, "profit", x, y);
        if (bestIndex() > 0) {
            chart.addSeries("best", new double[] {bestThreshold()}, new double[] {bestProfit()}).setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }
}
