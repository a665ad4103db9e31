package org.deepbrew.data.prep;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Row selection and label extraction for Tablesaw tables, to pair with {@link Splits} and {@link KFold}. */
public final class Rows {
    private Rows() {}

    /**
     * The rows of {@code t} at {@code indices}, in the table's own order whatever the order of
     * {@code indices} (Tablesaw selects rows through a sorted bitmap): read labels from the
     * selected table, not from {@code indices}.
     */
    public static Table select(Table t, int[] indices) {
        return t.rows(indices);
    }

    /** Integer class labels from a numeric column, or from a text column by order of first appearance. */
    public static int[] labels(Table t, String column) {
        Column<?> c = t.column(column);
        int[] out = new int[t.rowCount()];
        if (c instanceof NumericColumn<?> n) {
            for (int i = 0; i < out.length; i++) {
                if (n.isMissing(i)) {
                    throw new IllegalArgumentException("Label column '" + column + "' is missing a value in row " + i);
                }
                out[i] = (int) n.getDouble(i);
            }
            return out;
        }
        java.util.Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.computeIfAbsent(c.getString(i), k -> codes.size());
        }
        return out;
    }
}
