package org.deepbrew.explain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The model's average score as one feature is set to each value of a grid on every row, the other
 * features kept as observed. It shows the shape of the model's dependence on the feature (rising,
 * flat, a threshold), averaged over the data; with strong interactions the average can hide
 * opposite effects in subgroups.
 *
 * <pre>{@code
 * DependenceCurve pd = PartialDependence.builder().gridPoints(20).build().compute(model, x, names, "radius");
 * pd.plot();
 * }</pre>
 */
public final class PartialDependence {
    private final int gridPoints;

    private PartialDependence(Builder b) {
        this.gridPoints = b.gridPoints;
    }

    /** Defaults: 20 grid points from the feature's minimum to its maximum. */
    public static Builder builder() {
        return new Builder();
    }

    /** Dependence of {@code model} on column {@code feature} of {@code x} (named by {@code featureNames}, or null for x0, x1, ...). */
    public DependenceCurve compute(ScoreFunction<float[][]> model, float[][] x, List<String> featureNames, String feature) {
        return compute(model, Features.of(x, featureNames), feature);
    }

    /** Dependence of {@code model} on the numeric column {@code feature} of {@code table}. */
    public DependenceCurve compute(ScoreFunction<Table> model, Table table, String feature) {
        return compute(model, Features.of(table, List.of(feature)), feature);
    }

    private <X> DependenceCurve compute(ScoreFunction<X> model, Features<X> features, String feature) {
        Objects.requireNonNull(model, "model");
        int j = features.names().indexOf(feature);
        if (j < 0) {
            throw new IllegalArgumentException("no feature \"" + feature + "\"; the features are " + features.names());
        }
        double[] column = features.column(j);
        double min = Arrays.stream(column).min().orElseThrow();
        double max = Arrays.stream(column).max().orElseThrow();
        int points = max > min ? gridPoints : 1;
        double[] grid = new double[points];
        double[] average = new double[points];
        for (int g = 0; g < points; g++) {
            grid[g] = points == 1 ? min : min + (max - min) * g / (points - 1);
            double[] scores = model.score(features.withConstant(j, grid[g]));
            if (scores.length != features.rows()) {
                throw new IllegalArgumentException("the model gave " + scores.length + " scores for "
                        + features.rows() + " rows");
            }
            average[g] = Arrays.stream(scores).average().orElse(Double.NaN);
        }
        return new DependenceCurve(feature, grid, average);
    }

    /** Settings for {@link PartialDependence}. */
    public static final class Builder {
        private int gridPoints = 20;

        private Builder() {}

        /** How many evenly spaced values, minimum and maximum included (at least 2). */
        public Builder gridPoints(int gridPoints) {
            if (gridPoints < 2) {
                throw new IllegalArgumentException("gridPoints must be at least 2, got " + gridPoints);
            }
            this.gridPoints = gridPoints;
            return this;
        }

        public PartialDependence build() {
            return new PartialDependence(this);
        }
    }
}
