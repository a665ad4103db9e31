package org.deepbrew.business;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far predicted probabilities are from observed frequencies. Items are put in equal-width
 * probability bins; a calibrated model's items with p ≈ 0.8 are positive about 80 % of the time,
 * so each bin's mean probability matches its positive rate and the reliability diagram follows
 * the diagonal. A decision priced by expected value ({@link ProfitCurve}) is only right when the
 * probabilities are.
 *
 * <pre>{@code
 * Reliability r = Reliability.of(labels, probabilities, 10);
 * r.expectedCalibrationError();
 * r.plot();
 * }</pre>
 */
public final class Reliability {
    private final List<Bin> bins;
    private final int items;

    /**
     * One probability bin.
     *
     * @param lower lower edge (included)
     * @param upper upper edge (excluded, except 1 in the last bin)
     * @param count items in the bin
     * @param meanProbability mean predicted probability of its items (NaN when empty)
     * @param positiveRate fraction of its items that are positive (NaN when empty)
     */
    public record Bin(double lower, double upper, int count, double meanProbability, double positiveRate) {
        /** |positive rate − mean probability|, 0 for an empty bin. */
        public double gap() {
            return count == 0 ? 0 : Math.abs(positiveRate - meanProbability);
        }
    }

    private Reliability(List<Bin> bins, int items) {
        this.bins = bins;
        this.items = items;
    }

    /**
     * Bins each item's probability of the positive class into {@code bins} equal-width bins on
     * [0, 1]; bin b holds b/B ≤ p &lt; (b+1)/B, and p = 1 goes in the last.
     *
     * @param labels 1 for a positive item, 0 for a negative one
     * @param probabilities the predicted probability that each item is positive
     */
    public static Reliability of(int[] labels, double[] probabilities, int bins) {
        BinaryScores.checkProbabilities(labels, probabilities);
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        int[] positives = new int[bins];
        for (int i = 0; i < labels.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(probabilities[i] * bins));
            count[b]++;
            sumP[b] += probabilities[i];
            positives[b] += labels[i];
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double n = count[b];
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b],
                    n == 0 ? Double.NaN : sumP[b] / n, n == 0 ? Double.NaN : positives[b] / n));
        }
        return new Reliability(List.copyOf(out), labels.length);
    }

    /** {@link #of(int[], double[], int)} with the probabilities of class {@code positiveClass} from softmax rows. */
    public static Reliability of(int[] labels, float[][] probabilities, int positiveClass, int bins) {
        return of(BinaryScores.isClass(labels, positiveClass), BinaryScores.column(probabilities, positiveClass), bins);
    }

    /** The bins, lowest probabilities first. */
    public List<Bin> bins() {
        return bins;
    }

    /** Number of items binned. */
    public int items() {
        return items;
    }

    /** Expected calibration error: the bins' gaps weighted by the share of items in them. */
    public double expectedCalibrationError() {
        double e = 0;
        for (Bin b : bins) {
            e += (double) b.count() / items * b.gap();
        }
        return e;
    }

    /** The largest gap over the bins that hold items. */
    public double maximumCalibrationError() {
        return bins.stream().mapToDouble(Bin::gap).max().orElse(0);
    }

    /** Observed positive rate against mean predicted probability per non-empty bin, with the diagonal. */
    public XYChart plot() {
        return plot("model");
    }

    /** As {@link #plot()}, naming the model's series. */
    public XYChart plot(String name) {
        XYChart chart = Charts.xy(String.format(Locale.ROOT, "Reliability diagram (ECE %.3f)", expectedCalibrationError()),
                "mean predicted probability", "observed positive rate");
        Charts.curve(chart, "perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
        add(chart, name);
        return chart;
    }

    /** Adds this diagram's points to {@code chart}, to compare two models (e.g. before and after scaling). */
    public XYChart addTo(XYChart chart, String name) {
        add(chart, name);
        return chart;
    }

    private void add(XYChart chart, String name) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Bin b : bins) {
            if (b.count() > 0) {
                x.add(b.meanProbability());
                y.add(b.positiveRate());
            }
        }
        XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (ECE %.3f)", name, expectedCalibrationError()), x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %9s %9s%n", "bin", "items", "mean p", "positive"));
        for (Bin b : bins) {
            sb.append(String.format(Locale.ROOT, "[%.2f, %.2f) %6d %9.3f %9.3f%n", b.lower(), b.upper(), b.count(),
                    b.meanProbability(), b.positiveRate()));
        }
        return sb.append(String.format(Locale.ROOT, "ECE %.4f", expectedCalibrationError())).toString();
    }
}
