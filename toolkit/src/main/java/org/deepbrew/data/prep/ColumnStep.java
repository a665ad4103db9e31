package org.deepbrew.data.prep;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A per-column numeric step learned from training rows only ({@link #fit}) and then applied to
 * any table ({@link #transform}), so statistics of validation or test rows never leak into it.
 */
public abstract class ColumnStep<S extends ColumnStep<S>> {
    private final Map<String, DoubleUnaryOperator> fitted = new LinkedHashMap<>();
    private final Map<String, String> summaries = new LinkedHashMap<>();

    /** Learns the step's statistics from {@code train}: the named columns, or every numeric one. */
    @SuppressWarnings("unchecked")
    public S fit(Table train, String... columns) {
        fitted.clear();
        summaries.clear();
        for (String name : NumericColumns.choose(train, columns)) {
            double[] values = NumericColumns.present(train, name);
            if (values.length == 0) {
                throw new IllegalArgumentException("Column '" + name + "' has no values to fit on");
            }
            fitted.put(name, learn(name, values));
        }
        return (S) this;
    }

    /** A copy of {@code table} with the fitted columns replaced by transformed double columns. */
    public Table transform(Table table) {
        if (fitted.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not fitted: call fit(train) first");
        }
        Table out = table.copy();
        for (Map.Entry<String, DoubleUnaryOperator> e : fitted.entrySet()) {
            NumericColumn<?> c = NumericColumns.require(table, e.getKey());
            DoubleColumn d = DoubleColumn.create(e.getKey(), c.size());
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    double fill = missingValue(e.getKey());
                    if (Double.isNaN(fill)) {
                        d.setMissing(i);
                    } else {
                        d.set(i, fill);
                    }
                } else {
                    d.set(i, e.getValue().applyAsDouble(c.getDouble(i)));
                }
            }
            out.replaceColumn(e.getKey(), d);
        }
        return out;
    }

    /** {@code fit(train)} then {@code transform(train)}. */
    public Table fitTransform(Table train, String... columns) {
        return fit(train, columns).transform(train);
    }

    /** The fitted statistics per column, for display. */
    public Map<String, String> fittedSummary() {
        return Map.copyOf(summaries);
    }

    /** Learns the per-value function for one column from its training values (no missing ones). */
    protected abstract DoubleUnaryOperator learn(String column, double[] values);

    /** What a missing value becomes in {@code column}; NaN keeps it missing. */
    protected double missingValue(String column) {
        return Double.NaN;
    }

    /** Records a human summary of what was learned for a column. */
    protected void describe(String column, String summary) {
        summaries.put(column, summary);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (summaries.isEmpty() ? " (not fitted)" : " " + summaries);
    }
}
