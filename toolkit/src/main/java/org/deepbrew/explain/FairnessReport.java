package org.deepbrew.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.deepbrew.display.Plots;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One metric computed separately for each group of rows (a sex, an age band, a region) and the
 * largest gap between groups. A model can look good overall while serving one group much worse; the
 * gap says by how much, in the metric's own unit.
 *
 * <pre>{@code
 * FairnessReport r = FairnessReport.of(ScoreMetric.truePositiveRate(), groups, labels, scores);
 * r.table();  // group, rows, metric
 * r.gap();    // best group's value minus worst group's
 * }</pre>
 *
 * Small groups give noisy values: read the row counts in {@link #table()} before the gap.
 */
public final class FairnessReport {
    private final ScoreMetric metric;
    private final Map<String, Double> values;
    private final Map<String, Integer> counts;

    private FairnessReport(ScoreMetric metric, Map<String, Double> values, Map<String, Integer> counts) {
        this.metric = metric;
        this.values = values;
        this.counts = counts;
    }

    /** {@code metric} per distinct value of {@code groups}; all arrays are per row. */
    public static FairnessReport of(ScoreMetric metric, List<String> groups, double[] target, double[] scores) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scores, "scores");
        if (groups.size() != target.length || target.length != scores.length) {
            throw new IllegalArgumentException("groups, target and scores need one value per row; got "
                    + groups.size() + ", " + target.length + " and " + scores.length);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no rows to report on");
        }
        Map<String, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (g == null) {
                throw new IllegalArgumentException("row " + i + " has no group");
            }
            rows.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] t = new double[idx.size()];
            double[] s = new double[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                t[k] = target[idx.get(k)];
                s[k] = scores[idx.get(k)];
            }
            try {
                values.put(e.getKey(), metric.compute(t, s));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("group \"" + e.getKey() + "\" (" + idx.size() + " rows): "
                        + metric.name() + " is undefined: " + ex.getMessage(), ex);
            }
            counts.put(e.getKey(), idx.size());
        }
        return new FairnessReport(metric, values, counts);
    }

    /** Groups from column {@code groupColumn} of {@code table} (any type, compared as text). */
    public static FairnessReport of(ScoreMetric metric, Table table, String groupColumn, double[] target, double[] scores) {
        Objects.requireNonNull(table, "table");
        if (!table.containsColumn(groupColumn)) {
            throw new IllegalArgumentException("no group column \"" + groupColumn + "\" in " + table.name()
                    + "; its columns are " + table.columnNames());
        }
        Column<?> c = table.column(groupColumn);
        List<String> groups = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            groups.add(c.isMissing(i) ? null : c.getString(i));
        }
        return of(metric, groups, target, scores);
    }

    public ScoreMetric metric() {
        return metric;
    }

    /** The groups in sorted order. */
    public List<String> groups() {
        return List.copyOf(values.keySet());
    }

    /** The metric on {@code group}'s rows (NaN where the metric is undefined there). */
    public double value(String group) {
        Double v = values.get(group);
        if (v == null) {
            throw new IllegalArgumentException("no group \"" + group + "\"; the groups are " + values.keySet());
        }
        return v;
    }

    /** How many rows {@code group} has. */
    public int count(String group) {
        value(group);
        return counts.get(group);
    }

    /** The group with the best value (by the metric's direction), ignoring undefined ones. */
    public String best() {
        return extreme(true);
    }

    /** The group with the worst value, ignoring undefined ones. */
    public String worst() {
        return extreme(false);
    }

    /** The largest gap between two groups: |best - worst|, 0 for a single group. */
    public double gap() {
        String b = best();
        return b == null ? Double.NaN : Math.abs(value(b) - value(worst()));
    }

    /** The smallest group value divided by the largest (the "four-fifths rule" reads this for selection rates). */
    public double ratio() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values.values()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max == Double.NEGATIVE_INFINITY ? Double.NaN : min / max;
    }

    /** Columns group, rows and the metric, groups in sorted order. */
    public Table table() {
        StringColumn g = StringColumn.create("group");
        IntColumn n = IntColumn.create("rows");
        DoubleColumn v = DoubleColumn.create(metric.name());
        for (String key : values.keySet()) {
            g.append(key);
            n.append(counts.get(key));
            v.append(values.get(key));
        }
        return Table.create(metric.name() + " by group (gap " + String.format("%.3f", gap()) + ")", g, n, v);
    }

    /** One bar per group. */
    public CategoryChart plot() {
        List<String> keys = groups();
        double[] v = keys.stream().mapToDouble(this::value).toArray();
        CategoryChart chart = Plots.bar(metric.name() + " by group (gap " + String.format("%.3f", gap()) + ")", keys, v);
        chart.setYAxisTitle(metric.name());
        return chart;
    }

    @Override
    public String toString() {
        return table().print();
    }

    private String extreme(boolean best) {
        // +1 picks the larger value, -1 the smaller.
        int sign = metric.higherIsBetter() == best ? 1 : -1;
        String pick = null;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            if (!Double.isNaN(v) && (pick == null || sign * (v - values.get(pick)) > 0)) {
                pick = e.getKey();
            }
        }
        return pick;
    }
}
