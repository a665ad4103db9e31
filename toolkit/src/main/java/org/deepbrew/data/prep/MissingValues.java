package org.deepbrew.data.prep;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.function.DoubleUnaryOperator;

/**
 * Missing values: drop the rows that have them, or fill them with a statistic learned from the
 * training rows ({@code Imputer}).
 */
public final class MissingValues {
    private MissingValues() {}

    /** How to fill a missing number. */
    public enum Strategy { MEAN, MEDIAN, MODE }

    /** Number of missing cells per column, in column order, for a quick look. */
    public static Table count(Table t) {
        tech.tablesaw.api.StringColumn names = tech.tablesaw.api.StringColumn.create("column");
        tech.tablesaw.api.IntColumn missing = tech.tablesaw.api.IntColumn.create("missing");
        for (Column<?> c : t.columns()) {
            names.append(c.name());
            missing.append(c.countMissing());
        }
        return Table.create(t.name() + " missing values", names, missing);
    }

    /** A copy of {@code t} without the rows missing a value in any of {@code columns} (all columns when none named). */
    public static Table dropRows(Table t, String... columns) {
        Table out = t.emptyCopy();
        java.util.List<Column<?>> cols = columns.length == 0 ? t.columns() : t.columns(columns);
        for (int row = 0; row < t.rowCount(); row++) {
            boolean complete = true;
            for (Column<?> c : cols) {
                if (c.isMissing(row)) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                out.append(t.row(row));
            }
        }
        return out;
    }

    /** An imputer that fills missing numbers with the training mean, median or mode. */
    public static Imputer imputer(Strategy strategy) {
        return new Imputer(strategy);
    }

    /** Fills missing numeric values with a statistic of the training rows. */
    public static final class Imputer extends ColumnStep<Imputer> {
        private final Strategy strategy;
        private final java.util.Map<String, Double> fills = new java.util.HashMap<>();

        Imputer(Strategy strategy) {
            this.strategy = strategy;
        }

        @Override
        protected DoubleUnaryOperator learn(String column, double[] values) {
            double fill = switch (strategy) {
                case MEAN -> Stats.mean(values);
                case MEDIAN -> Stats.median(values);
                case MODE -> Stats.mode(values);
            };
            describe(column, strategy.name().toLowerCase() + "=" + String.format("%.4g", fill));
            fills.put(column, fill);
            return x -> x;
        }

        @Override
        protected double missingValue(String column) {
            return fills.getOrDefault(column, Double.NaN);
        }

        /** The value that replaces a missing one in {@code column}. */
        public double fillValue(String column) {
            Double v = fills.get(column);
            if (v == null) {
                throw new IllegalArgumentException("Imputer was not fitted on column '" + column + "'");
            }
            return v;
        }
    }
}
