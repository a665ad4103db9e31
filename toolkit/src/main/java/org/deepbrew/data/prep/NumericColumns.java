package org.deepbrew.data.prep;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/** Picks the numeric columns a fitted step works on. */
final class NumericColumns {
    private NumericColumns() {}

    /** The named columns, or every numeric column when none are named; names must be numeric. */
    static List<String> choose(Table t, String... names) {
        List<String> out = new ArrayList<>();
        if (names.length == 0) {
            for (Column<?> c : t.columns()) {
                if (c instanceof NumericColumn<?>) {
                    out.add(c.name());
                }
            }
            return out;
        }
        for (String n : names) {
            if (!t.columnNames().contains(n)) {
                throw new IllegalArgumentException("No column '" + n + "' in " + t.name() + "; columns: " + t.columnNames());
            }
            if (!(t.column(n) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("Column '" + n + "' is " + t.column(n).type() + ", not numeric");
            }
            out.add(n);
        }
        return out;
    }

    /** The non-missing values of a numeric column. */
    static double[] present(Table t, String name) {
        NumericColumn<?> c = (NumericColumn<?>) t.column(name);
        double[] out = new double[c.size() - c.countMissing()];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                out[k++] = c.getDouble(i);
            }
        }
        return out;
    }

    /** Requires the column in a table being transformed. */
    static NumericColumn<?> require(Table t, String name) {
        if (!t.columnNames().contains(name) || !(t.column(name) instanceof NumericColumn<?>)) {
            throw new IllegalArgumentException("Table " + t.name() + " lacks numeric column '" + name
                    + "' that this step was fitted on");
        }
        return (NumericColumn<?>) t.column(name);
    }
}
