package org.deepbrew.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.deepbrew.display.Plots;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link PermutationImportance}: per feature, how much worse the metric got when
 * that feature was shuffled (positive = the model needs it), over every repeat.
 */
public final class FeatureImportance {
    private final ScoreMetric metric;
    private final double baseline;
    private final List<String> names;
    private final double[][] drops;

    FeatureImportance(ScoreMetric metric, double baseline, List<String> names, double[][] drops) {
        this.metric = metric;
        this.baseline = baseline;
        this.names = List.copyOf(names);
        this.drops = drops;
    }

    /** The metric on the unshuffled rows. */
    public double baseline() {
        return baseline;
    }

    public ScoreMetric metric() {
        return metric;
    }

    /** The features in input order. */
    public List<String> features() {
        return names;
    }

    /** Mean drop of the metric when {@code feature} is shuffled. */
    public double mean(String feature) {
        return Arrays.stream(drops[index(feature)]).average().orElse(Double.NaN);
    }

    /** Standard deviation of the drop over repeats (0 for a single repeat). */
    public double std(String feature) {
        double[] d = drops[index(feature)];
        if (d.length < 2) {
            return 0;
        }
        double m = mean(feature);
        double ss = 0;
        for (double v : d) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (d.length - 1));
    }

    /** Every repeat's drop for {@code feature}. */
    public double[] drops(String feature) {
        return drops[index(feature)].clone();
    }

    /** Features from most to least important. */
    public List<String> ranking() {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingDouble(this::mean).reversed());
        return sorted;
    }

    /** Columns feature, importance (mean drop), std, largest first. */
    public Table table() {
        List<String> order = ranking();
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn mean = DoubleColumn.create("importance");
        DoubleColumn std = DoubleColumn.create("std");
        for (String f : order) {
            feature.append(f);
            mean.append(mean(f));
            std.append(std(f));
        }
        return Table.create("permutation importance (" + metric.name() + " drop)", feature, mean, std);
    }

    /** Bars of the mean drop, largest first. */
    public CategoryChart plot() {
        List<String> order = ranking();
        double[] values = order.stream().mapToDouble(this::mean).toArray();
        CategoryChart chart = Plots.bar("Permutation importance (" + metric.name() + " drop, baseline "
                + String.format("%.3f", baseline) + ")", order, values);
        chart.setYAxisTitle(metric.name() + " drop");
        return chart;
    }

    @Override
    public String toString() {
        return table().print();
    }

    private int index(String feature) {
        int j = names.indexOf(feature);
        if (j < 0) {
            throw new IllegalArgumentException("no feature \"" + feature + "\"; the features are " + names);
        }
        return j;
    }
}
