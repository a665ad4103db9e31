package org.deepbrew.data.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Text (categorical) columns as numbers a network can read: one 0/1 column per category, named
 * {@code column=value}. The categories are learned from training rows ({@link #fit}); a value
 * not seen there becomes all zeros.
 *
 * <pre>{@code
 * OneHot majors = OneHot.fit(train, "major");
 * majors.transform(test);   // "major" replaced by major=A, major=B, ...
 * }</pre>
 */
public final class OneHot {
    private final Map<String, List<String>> categories;

    private OneHot(Map<String, List<String>> categories) {
        this.categories = categories;
    }

    /** Learns the sorted distinct values of each of {@code columns} in {@code train}. */
    public static OneHot fit(Table train, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("name the columns to encode");
        }
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (String name : columns) {
            Column<?> c = column(train, name);
            TreeSet<String> values = new TreeSet<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    values.add(c.getString(i));
                }
            }
            categories.put(name, List.copyOf(values));
        }
        return new OneHot(categories);
    }

    /** The categories learned for {@code column}, in sorted order. */
    public List<String> categories(String column) {
        List<String> c = categories.get(column);
        if (c == null) {
            throw new IllegalArgumentException("\"" + column + "\" was not fitted; the columns are " + categories.keySet());
        }
        return c;
    }

    /** The names of the columns {@link #transform} adds, in order. */
    public List<String> encodedNames() {
        List<String> names = new ArrayList<>();
        categories.forEach((column, values) -> values.forEach(v -> names.add(column + "=" + v)));
        return names;
    }

    /** A copy of {@code table} with each fitted column replaced, in place, by its 0/1 columns. */
    public Table transform(Table table) {
        Table out = table.copy();
        for (Map.Entry<String, List<String>> e : categories.entrySet()) {
            Column<?> c = column(table, e.getKey());
            int at = out.columnIndex(e.getKey());
            out.removeColumns(e.getKey());
            List<String> values = e.getValue();
            for (int k = 0; k < values.size(); k++) {
                IntColumn hot = IntColumn.create(e.getKey() + "=" + values.get(k), table.rowCount());
                for (int i = 0; i < c.size(); i++) {
                    hot.set(i, !c.isMissing(i) && c.getString(i).equals(values.get(k)) ? 1 : 0);
                }
                out.insertColumn(at + k, hot);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "one-hot " + categories;
    }

    private static Column<?> column(Table t, String name) {
        if (!t.containsColumn(name)) {
            throw new IllegalArgumentException("no column \"" + name + "\" in " + t.name() + "; its columns are "
                    + t.columnNames());
        }
        return t.column(name);
    }
}
