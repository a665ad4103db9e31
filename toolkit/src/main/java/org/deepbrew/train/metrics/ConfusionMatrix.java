package org.deepbrew.train.metrics;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of (actual, predicted) class pairs, and the metrics derived from them. Row = actual class,
 * column = predicted class. A class that is never predicted has precision 0 (not NaN), and a class
 * that never occurs has recall 0, following the common "zero division = 0" convention.
 */
public final class ConfusionMatrix {
    private final long[][] counts;
    private final List<String> names;

    private ConfusionMatrix(long[][] counts, List<String> names) {
        this.counts = counts;
        this.names = names;
    }

    /** Builds the matrix from parallel arrays of actual and predicted class indices. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        return of(actual, predicted, defaultNames(classes));
    }

    /** As {@link #of(int[], int[], int)}, with class names for tables and plots. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        int k = classNames.size();
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + k);
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " labels but predicted has "
                    + predicted.length);
        }
        long[][] c = new long[k][k];
        for (int i = 0; i < actual.length; i++) {
            check(actual[i], k, "actual", i);
            check(predicted[i], k, "predicted", i);
            c[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(c, List.copyOf(classNames));
    }

    private static void check(int label, int k, String what, int i) {
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException(what + "[" + i + "] = " + label + " is outside 0.." + (k - 1));
        }
    }

    private static List<String> defaultNames(int k) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            n.add(String.valueOf(i));
        }
        return n;
    }

    /** Number of classes. */
    public int classes() {
        return counts.length;
    }

    /** Class names, index order. */
    public List<String> classNames() {
        return names;
    }

    /** How many items of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Total number of items. */
    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }

    /** Fraction of items on the diagonal. */
    public double accuracy() {
        long diag = 0;
        for (int i = 0; i < classes(); i++) {
            diag += counts[i][i];
        }
        return ratio(diag, total());
    }

    /** True positives of class {@code c}. */
    public long truePositives(int c) {
        return counts[c][c];
    }

    /** Items predicted as {@code c} that are something else. */
    public long falsePositives(int c) {
        long s = 0;
        for (int a = 0; a < classes(); a++) {
            s += a == c ? 0 : counts[a][c];
        }
        return s;
    }

    /** Items of class {@code c} predicted as something else. */
    public long falseNegatives(int c) {
        long s = 0;
        for (int p = 0; p < classes(); p++) {
            s += p == c ? 0 : counts[c][p];
        }
        return s;
    }

    /** TP / (TP + FP) for class {@code c}. */
    public double precision(int c) {
        return ratio(truePositives(c), truePositives(c) + falsePositives(c));
    }

    /** TP / (TP + FN) for class {@code c}. */
    public double recall(int c) {
        return ratio(truePositives(c), truePositives(c) + falseNegatives(c));
    }

    /** Harmonic mean of precision and recall for class {@code c}. */
    public double f1(int c) {
        return harmonic(precision(c), recall(c));
    }

    /** Unweighted mean of per-class precision. */
    public double macroPrecision() {
        double s = 0;
        for (int c = 0; c < classes(); c++) {
            s += precision(c);
        }
        return s / classes();
    }

    /** Unweighted mean of per-class recall. */
    public double macroRecall() {
        double s = 0;
        for (int c = 0; c < classes(); c++) {
            s += recall(c);
        }
        return s / classes();
    }

    /** Unweighted mean of per-class F1 (not the F1 of the macro averages). */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < classes(); c++) {
            s += f1(c);
        }
        return s / classes();
    }

    /**
     * Micro-averaged precision: pooled TP / pooled (TP + FP). For single-label classification
     * it equals micro recall, micro F1 and accuracy.
     */
    public double microPrecision() {
        long tp = 0;
        long fp = 0;
        for (int c = 0; c < classes(); c++) {
            tp += truePositives(c);
            fp += falsePositives(c);
        }
        return ratio(tp, tp + fp);
    }

    /** Micro-averaged recall: pooled TP / pooled (TP + FN). */
    public double microRecall() {
        long tp = 0;
        long fn = 0;
        for (int c = 0; c < classes(); c++) {
            tp += truePositives(c);
            fn += falseNegatives(c);
        }
        return ratio(tp, tp + fn);
    }

    /** Harmonic mean of micro precision and micro recall. */
    public double microF1() {
        return harmonic(microPrecision(), microRecall());
    }

    /** A heat map of the counts, actual classes down, predicted across. */
    public HeatMapChart heatmap() {
        int k = classes();
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(480)
                .title("Confusion matrix (rows: actual, columns: predicted)")
                .xAxisTitle("predicted").yAxisTitle("actual").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x08306B)});
        chart.getStyler().setLegendVisible(false);
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                // XChart draws y upwards; flip so the first class is on the top row.
                cells.add(new Number[] {p, k - 1 - a, counts[a][p]});
            }
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        chart.addSeries("counts", names, reversed, cells);
        return chart;
    }

    /** A per-class table of precision, recall, F1 and support, then macro and micro rows. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(9, names.stream().mapToInt(String::length).max().orElse(5) + 1);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < classes(); c++) {
            long support = truePositives(c) + falseNegatives(c);
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n",
                    names.get(c), precision(c), recall(c), f1(c), support));
        }
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n", "macro",
                macroPrecision(), macroRecall(), macroF1(), total()));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n", "micro",
                microPrecision(), microRecall(), microF1(), total()));
        sb.append(String.format(Locale.ROOT, "accuracy %.4f", accuracy()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return report();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
