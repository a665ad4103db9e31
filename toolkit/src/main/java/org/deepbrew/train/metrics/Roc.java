package org.deepbrew.train.metrics;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Receiver operating characteristic of a binary scorer: the true-positive rate against the
 * false-positive rate as the decision threshold sweeps from high to low. Tied scores move both
 * rates at once (a diagonal step), so the area equals the probability that a random positive
 * outranks a random negative, ties counting one half.
 */
public final class Roc {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;

    private Roc(double[] fpr, double[] tpr, double[] thresholds) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
    }

    /**
     * @param positive true where the item belongs to the positive class
     * @param scores   higher means "more likely positive"
     */
    public static Roc of(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException(positive.length + " labels but " + scores.length + " scores");
        }
        long pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        long neg = positive.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC needs both classes; got " + pos + " positives and " + neg + " negatives");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            double t = scores[order[i]];
            while (i < order.length && scores[order[i]] == t) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            points.add(new double[] {(double) fp / neg, (double) tp / pos, t});
        }
        double[] f = new double[points.size()];
        double[] r = new double[points.size()];
        double[] th = new double[points.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = points.get(k)[0];
            r[k] = points.get(k)[1];
            th[k] = points.get(k)[2];
        }
        return new Roc(f, r, th);
    }

    /** Binary labels as 0/1 ints. */
    public static Roc of(int[] labels, double[] scores) {
        boolean[] p = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; ROC needs 0 or 1");
            }
            p[i] = labels[i] == 1;
        }
        return of(p, scores);
    }

    /** False-positive rates, from 0 to 1. */
    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    /** True-positive rates, matching {@link #falsePositiveRates()}. */
    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /** The score threshold at each point (positive when score ≥ threshold). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Area under the curve by the trapezoid rule. */
    public double auc() {
        double a = 0;
        for (int k = 1; k < fpr.length; k++) {
            a += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
        }
        return a;
    }

    /** The curve with the chance diagonal for reference. */
    public XYChart plot() {
        XYChart chart = new XYChartBuilder().width(480).height(420)
                .title(String.format(Locale.ROOT, "ROC (AUC %.3f)", auc()))
                .xAxisTitle("false-positive rate").yAxisTitle("true-positive rate").build();
        chart.addSeries("model", fpr, tpr).setMarker(SeriesMarkers.NONE);
        chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
