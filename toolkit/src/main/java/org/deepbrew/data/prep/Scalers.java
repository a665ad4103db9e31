package org.deepbrew.data.prep;

import java.util.function.DoubleUnaryOperator;

/**
 * Feature scalers. Fit on the training rows, then transform every split with the same numbers:
 * <pre>{@code
 * var scaler = Scalers.standard().fit(train);
 * Table trainScaled = scaler.transform(train), testScaled = scaler.transform(test);
 * }</pre>
 */
public final class Scalers {
    private Scalers() {}

    /** Maps each column's training range onto [0, 1] (values outside it land outside [0, 1]). */
    public static MinMax minMax() {
        return new MinMax();
    }

    /** Centres each column on its training mean and divides by its training standard deviation. */
    public static Standard standard() {
        return new Standard();
    }

    /** (x - min) / (max - min), with min and max from the training rows. */
    public static final class MinMax extends ColumnStep<MinMax> {
        @Override
        protected DoubleUnaryOperator learn(String column, double[] values) {
            double min = Stats.min(values);
            double range = Stats.max(values) - min;
            describe(column, String.format("min=%.4g range=%.4g", min, range));
            // A constant column carries no information; map it to 0 rather than divide by zero.
            return range == 0 ? x -> 0.0 : x -> (x - min) / range;
        }
    }

    /** (x - mean) / std, with mean and std from the training rows. */
    public static final class Standard extends ColumnStep<Standard> {
        @Override
        protected DoubleUnaryOperator learn(String column, double[] values) {
            double mean = Stats.mean(values);
            double std = Stats.std(values);
            describe(column, String.format("mean=%.4g std=%.4g", mean, std));
            return std == 0 ? x -> 0.0 : x -> (x - mean) / std;
        }
    }
}
