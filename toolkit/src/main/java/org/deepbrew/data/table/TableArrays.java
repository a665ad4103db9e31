package org.deepbrew.data.table;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A table as float arrays for training: numeric feature columns side by side, row after row, and
 * one label per row. {@code InMemoryDataset.builder().from(table, label)} uses it; it is public for
 * code that wants the numbers without a data set.
 *
 * @param features     row-major (rows x features) values
 * @param labels       one per row: the label column's value, or its class index for a text column
 * @param featureNames the feature columns, in table order
 * @param classNames   for a text label column, its distinct values in sorted order (index = label); else empty
 */
public record TableArrays(float[] features, float[] labels, List<String> featureNames, List<String> classNames) {

    /** The numbers of {@code table}: every column but {@code labelColumn} is a feature. */
    public static TableArrays of(Table table, String labelColumn) {
        if (!table.containsColumn(labelColumn)) {
            throw new IllegalArgumentException("no label column \"" + labelColumn + "\" in " + table.name()
                    + "; its columns are " + table.columnNames());
        }
        int rows = table.rowCount();
        if (rows == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows");
        }
        List<NumericColumn<?>> numeric = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c.name().equalsIgnoreCase(labelColumn)) {
                continue;
            }
            if (!(c instanceof NumericColumn<?> n)) {
                throw new IllegalArgumentException("feature column \"" + c.name() + "\" is " + c.type()
                        + ", not numeric: encode it as numbers or drop it with table.removeColumns(\""
                        + c.name() + "\")");
            }
            checkComplete(n);
            numeric.add(n);
            names.add(c.name());
        }
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("table " + table.name() + " has no feature columns besides \""
                    + labelColumn + "\"");
        }
        int width = numeric.size();
        float[] x = new float[rows * width];
        for (int j = 0; j < width; j++) {
            NumericColumn<?> c = numeric.get(j);
            for (int i = 0; i < rows; i++) {
                x[i * width + j] = (float) c.getDouble(i);
            }
        }
        Column<?> label = table.column(labelColumn);
        checkComplete(label);
        float[] y = new float[rows];
        List<String> classes = List.of();
        if (label instanceof NumericColumn<?> n) {
            for (int i = 0; i < rows; i++) {
                y[i] = (float) n.getDouble(i);
            }
        } else {
            TreeSet<String> distinct = new TreeSet<>();
            for (int i = 0; i < rows; i++) {
                distinct.add(label.getString(i));
            }
            classes = List.copyOf(distinct);
            for (int i = 0; i < rows; i++) {
                y[i] = classes.indexOf(label.getString(i));
            }
        }
        return new TableArrays(x, y, List.copyOf(names), classes);
    }

    /** Number of rows. */
    public int rows() {
        return labels.length;
    }

    private static void checkComplete(Column<?> c) {
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException("column \"" + c.name() + "\" has " + c.countMissing()
                        + " missing value(s), the first in row " + i + ": fill or drop them first, e.g. with "
                        + "org.deepbrew.data.prep.MissingValues");
            }
        }
    }
}
