package org.deepbrew.business;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cumulative gain and lift of a targeting model: rank items by score, act on the top fraction f,
 * and see which fraction of all positives that reaches (the gain) and how many times the base
 * rate the targeted group converts (the lift, gain / f). A random ranking has gain f and lift 1.
 * Items with tied scores are taken as one block, spread evenly along it, so the result does not
 * depend on the order the ties happen to be in.
 *
 * <pre>{@code
 * GainChart g = GainChart.of(labels, scores);
 * g.gainAt(0.2);          // share of positives in the top 20 %
 * g.decileLift();         // lift of each tenth
 * }</pre>
 */
public final class GainChart {
    private final double[] fraction;
    private final double[] gain;
    private final long positives;
    private final int items;

    private GainChart(double[] fraction, double[] gain, long positives, int items) {
        this.fraction = fraction;
        this.gain = gain;
        this.positives = positives;
        this.items = items;
    }

    /**
     * @param labels 1 for a positive item, 0 for a negative one; both must occur
     * @param scores higher means "target first"
     */
    public static GainChart of(int[] labels, double[] scores) {
        RankedOutcomes r = RankedOutcomes.of(labels, scores, "a gain chart");
        double[] f = new double[r.points()];
        double[] g = new double[r.points()];
        for (int k = 0; k < f.length; k++) {
            f[k] = (double) r.targeted(k) / r.items();
            g[k] = (double) r.truePositives[k] / r.positives;
        }
        return new GainChart(f, g, r.positives, (int) r.items());
    }

    /** {@link #of(int[], double[])} for class {@code positiveClass} of softmax rows and class labels. */
    public static GainChart of(int[] labels, float[][] probabilities, int positiveClass) {
        return of(BinaryScores.isClass(labels, positiveClass), BinaryScores.column(probabilities, positiveClass));
    }

    /** The fraction targeted at each corner of the curve, 0 to 1. */
    public double[] fractionTargeted() {
        return fraction.clone();
    }

    /** The fraction of all positives reached at each corner. */
    public double[] gains() {
        return gain.clone();
    }

    /** Share of positive items overall: the rate a random targeting achieves. */
    public double baseRate() {
        return (double) positives / items;
    }

    /** The fraction of positives in the top {@code f} of the ranking, linear within tied blocks. */
    public double gainAt(double f) {
        if (f < 0 || f > 1) {
            throw new IllegalArgumentException("the fraction targeted must be in [0, 1], got " + f);
        }
        int k = 1;
        while (k < fraction.length - 1 && fraction[k] < f) {
            k++;
        }
        double f0 = fraction[k - 1];
        double f1 = fraction[k];
        return gain[k - 1] + (gain[k] - gain[k - 1]) * (f1 == f0 ? 1 : (f - f0) / (f1 - f0));
    }

    /** gain(f) / f: how many times the base rate the top {@code f} converts. */
    public double liftAt(double f) {
        if (f <= 0) {
            throw new IllegalArgumentException("lift needs a fraction above 0, got " + f);
        }
        return gainAt(f) / f;
    }

    /** Cumulative gain at 10 %, 20 %, …, 100 % targeted. */
    public double[] decileGain() {
        double[] g = new double[10];
        for (int d = 0; d < 10; d++) {
            g[d] = gainAt((d + 1) / 10.0);
        }
        return g;
    }

    /** Lift of each tenth of the ranking on its own: its positive rate over the base rate. */
    public double[] decileLift() {
        double[] g = decileGain();
        double[] lift = new double[10];
        for (int d = 0; d < 10; d++) {
            lift[d] = (g[d] - (d == 0 ? 0 : g[d - 1])) / 0.1;
        }
        return lift;
    }

    /** Cumulative lift at 10 %, …, 100 % targeted (the last is always 1). */
    public double[] cumulativeLift() {
        double[] g = decileGain();
        double[] lift = new double[10];
        for (int d = 0; d < 10; d++) {
            lift[d] = g[d] / ((d + 1) / 10.0);
        }
        return lift;
    }

    /** The cumulative gain curve with the random and the perfect ranking for reference. */
    public XYChart plot() {
        XYChart chart = Charts.xy("Cumulative gain", "fraction targeted (highest scores first)", "fraction of positives reached");
        Charts.curve(chart, "model", fraction, gain);
        Charts.curve(chart, "random", new double[] {0, 1}, new double[] {0, 1});
        Charts.curve(chart, "perfect", new double[] {0, baseRate(), 1}, new double[] {0, 1, 1});
        return chart;
    }

    /** Lift per decile as bars, with the random ranking's lift of 1 as the baseline. */
    public CategoryChart liftPlot() {
        List<String> deciles = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            deciles.add(String.format(Locale.ROOT, "%d-%d %%", 10 * (d - 1), 10 * d));
        }
        CategoryChart chart = new CategoryChartBuilder().width(640).height(400).title("Lift by decile")
                .xAxisTitle("decile of the ranking").yAxisTitle("lift (× base rate)").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("lift", deciles, Arrays.stream(decileLift()).boxed().toList());
        return chart;
    }
}
