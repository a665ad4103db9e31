package org.deepbrew.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The feature container an explanation perturbs: one column changed at a time, the rest left as
 * they are. One implementation per input kind the model reads.
 */
interface Features<X> {
    int rows();

    List<String> names();

    /** The values of feature {@code j}, for grids and row shuffles. */
    double[] column(int j);

    /** A copy with feature {@code j}'s row {@code i} taken from row {@code order[i]}. */
    X permuted(int j, int[] order);

    /** A copy with feature {@code j} set to {@code value} on every row. */
    X withConstant(int j, double value);

    /** The unchanged input. */
    X original();

    static Features<float[][]> of(float[][] x, List<String> names) {
        Objects.requireNonNull(x, "feature matrix");
        if (x.length == 0) {
            throw new IllegalArgumentException("the feature matrix has no rows");
        }
        int width = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != width) {
                throw new IllegalArgumentException("row " + i + " of the feature matrix has "
                        + (x[i] == null ? "no" : x[i].length) + " values, row 0 has " + width);
            }
        }
        List<String> n = names == null ? defaultNames(width) : List.copyOf(names);
        if (n.size() != width) {
            throw new IllegalArgumentException("got " + n.size() + " feature names for " + width + " features");
        }
        return new Features<>() {
            public int rows() {
                return x.length;
            }

            public List<String> names() {
                return n;
            }

            public double[] column(int j) {
                double[] c = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    c[i] = x[i][j];
                }
                return c;
            }

            public float[][] permuted(int j, int[] order) {
                float[][] copy = copy();
                for (int i = 0; i < x.length; i++) {
                    copy[i][j] = x[order[i]][j];
                }
                return copy;
            }

            public float[][] withConstant(int j, double value) {
                float[][] copy = copy();
                for (float[] row : copy) {
                    row[j] = (float) value;
                }
                return copy;
            }

            public float[][] original() {
                return x;
            }

            private float[][] copy() {
                float[][] copy = new float[x.length][];
                for (int i = 0; i < x.length; i++) {
                    copy[i] = x[i].clone();
                }
                return copy;
            }
        };
    }

    /**
     * Features {@code columns} of {@code table}; other columns travel along unchanged. A feature set
     * to a constant becomes a {@code DoubleColumn} of the same name, so models should read
     * features as {@code NumericColumn}.
     */
    static Features<Table> of(Table table, List<String> columns) {
        Objects.requireNonNull(table, "table");
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has no rows");
        }
        List<String> n = new ArrayList<>();
        for (String c : columns) {
            if (!table.containsColumn(c)) {
                throw new IllegalArgumentException("no column \"" + c + "\" in " + table.name()
                        + "; its columns are " + table.columnNames());
            }
            if (!(table.column(c) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("feature column \"" + c + "\" is " + table.column(c).type()
                        + ", not numeric");
            }
            n.add(table.column(c).name());
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException("no feature columns given");
        }
        return new Features<>() {
            public int rows() {
                return table.rowCount();
            }

            public List<String> names() {
                return List.copyOf(n);
            }

            public double[] column(int j) {
                NumericColumn<?> c = table.numberColumn(n.get(j));
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.getDouble(i);
                }
                return v;
            }

            public Table permuted(int j, int[] order) {
                Column<?> shuffled = table.column(n.get(j)).subset(order);
                return replaced(j, shuffled);
            }

            public Table withConstant(int j, double value) {
                double[] v = new double[table.rowCount()];
                java.util.Arrays.fill(v, value);
                return replaced(j, DoubleColumn.create(n.get(j), v));
            }

            public Table original() {
                return table;
            }

            private Table replaced(int j, Column<?> column) {
                Table copy = table.copy();
                copy.replaceColumn(n.get(j), column.setName(n.get(j)));
                return copy;
            }
        };
    }

    private static List<String> defaultNames(int width) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("x" + j);
        }
        return names;
    }
}
