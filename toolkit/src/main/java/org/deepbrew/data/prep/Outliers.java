package org.deepbrew.data.prep;

import java.util.function.DoubleUnaryOperator;

/**
 * Outlier clipping: limits learned on the training rows, applied to any table. Clipping (rather
 * than dropping) keeps every row, which matters when rows are scarce or paired with labels.
 */
public final class Outliers {
    private Outliers() {}

    /** Clips to mean ± {@code k} standard deviations (z-score clipping). */
    public static Clipper zScore(double k) {
        return new Clipper(Method.Z_SCORE, k);
    }

    /** Clips to [Q1 - {@code k}·IQR, Q3 + {@code k}·IQR] (Tukey's fences; k = 1.5 is usual). */
    public static Clipper iqr(double k) {
        return new Clipper(Method.IQR, k);
    }

    enum Method { Z_SCORE, IQR }

    /** Clips each fitted column to its learned [low, high]. */
    public static final class Clipper extends ColumnStep<Clipper> {
        private final Method method;
        private final double k;
        private final java.util.Map<String, double[]> limits = new java.util.HashMap<>();

        Clipper(Method method, double k) {
            if (k <= 0) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            this.method = method;
            this.k = k;
        }

        @Override
        protected DoubleUnaryOperator learn(String column, double[] values) {
            double low;
            double high;
            if (method == Method.Z_SCORE) {
                double m = Stats.mean(values);
                double s = Stats.std(values);
                low = m - k * s;
                high = m + k * s;
            } else {
                double q1 = Stats.quantile(values, 0.25);
                double q3 = Stats.quantile(values, 0.75);
                low = q1 - k * (q3 - q1);
                high = q3 + k * (q3 - q1);
            }
            limits.put(column, new double[] {low, high});
            describe(column, String.format("[%.4g, %.4g]", low, high));
            return x -> Math.max(low, Math.min(high, x));
        }

        /** The learned {low, high} for {@code column}. */
        public double[] limits(String column) {
            double[] l = limits.get(column);
            if (l == null) {
                throw new IllegalArgumentException("Clipper was not fitted on column '" + column + "'");
            }
            return l.clone();
        }

        /** How many present values of {@code column} in {@code t} lie outside the learned limits. */
        public int countOutside(tech.tablesaw.api.Table t, String column) {
            double[] l = limits(column);
            int n = 0;
            for (double v : NumericColumns.present(t, column)) {
                if (v < l[0] || v > l[1]) {
                    n++;
                }
            }
            return n;
        }
    }
}
