package org.deepbrew.explain;

import org.deepbrew.display.Plots;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The result of {@link PartialDependence}: grid values of one feature and the average score at each. */
public final class DependenceCurve {
    private final String feature;
    private final double[] values;
    private final double[] averages;

    DependenceCurve(String feature, double[] values, double[] averages) {
        this.feature = feature;
        this.values = values;
        this.averages = averages;
    }

    public String feature() {
        return feature;
    }

    /** The grid of feature values, ascending. */
    public double[] values() {
        return values.clone();
    }

    /** The model's mean score with the feature set to each grid value. */
    public double[] averages() {
        return averages.clone();
    }

    /** Columns (feature name) and "average score". */
    public Table table() {
        return Table.create("partial dependence on " + feature,
                DoubleColumn.create(feature, values), DoubleColumn.create("average score", averages));
    }

    /** The curve, feature value on x, average score on y. */
    public XYChart plot() {
        XYChart chart = Plots.line("Partial dependence on " + feature, values, averages);
        chart.setXAxisTitle(feature);
        chart.setYAxisTitle("average score");
        return chart;
    }

    @Override
    public String toString() {
        return table().print();
    }
}
