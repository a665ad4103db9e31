package org.deepbrew.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a Tablesaw {@link Table} as an HTML table: its shape ("1,000 rows × 5 columns"), each
 * column's type under its name, and only the first and last rows of a long table with an
 * ellipsis row between, so that displaying a big data set never floods the notebook. Cells are
 * HTML-escaped; missing values are marked.
 *
 * <p>Registered by default with 10 head and 10 tail rows; register another instance to change
 * that: {@code Renderers.register(Table.class, new TableRenderer(30, 5))}.
 */
public final class TableRenderer implements Renderer<Table> {
    private static final String MISSING = "·";
    private final int headRows;
    private final int tailRows;

    /** The default: 10 head and 10 tail rows. */
    public TableRenderer() {
        this(10, 10);
    }

    /** Shows at most {@code headRows + tailRows} rows of long tables. */
    public TableRenderer(int headRows, int tailRows) {
        if (headRows < 0 || tailRows < 0 || headRows + tailRows == 0) {
            throw new IllegalArgumentException("TableRenderer needs head, tail >= 0 and at least one row shown, got "
                    + headRows + " and " + tailRows);
        }
        this.headRows = headRows;
        this.tailRows = tailRows;
    }

    @Override
    public MimeBundle render(Table table) {
        List<Integer> rows = shownRows(table.rowCount());
        return MimeBundle.of("text/html", html(table, rows)).with("text/plain", text(table, rows));
    }

    /** The shape in words: {@code 1,000 rows × 5 columns}. */
    public static String shape(Table table) {
        return TextForms.count(table.rowCount()) + (table.rowCount() == 1 ? " row" : " rows") + " × "
                + TextForms.count(table.columnCount()) + (table.columnCount() == 1 ? " column" : " columns");
    }

    /** Row indexes to show; {@code -1} marks where rows are left out. */
    private List<Integer> shownRows(int rowCount) {
        List<Integer> rows = new ArrayList<>();
        if (rowCount <= headRows + tailRows) {
            for (int r = 0; r < rowCount; r++) {
                rows.add(r);
            }
            return rows;
        }
        for (int r = 0; r < headRows; r++) {
            rows.add(r);
        }
        rows.add(-1);
        for (int r = rowCount - tailRows; r < rowCount; r++) {
            rows.add(r);
        }
        return rows;
    }

    private static String html(Table table, List<Integer> rows) {
        StringBuilder h = new StringBuilder(4096);
        String name = table.name() == null || table.name().isBlank() ? "" : "<b>" + TextForms.escapeHtml(table.name()) + "</b> · ";
        h.append("<div class=\"deepbrew-table\">");
        h.append("<div style=\"margin-bottom:4px;color:#555\">").append(name).append(shape(table)).append("</div>");
        h.append("<table><thead><tr><th></th>");
        for (Column<?> c : table.columns()) {
            h.append("<th>").append(TextForms.escapeHtml(c.name())).append("</th>");
        }
        h.append("</tr><tr><th></th>");
        for (Column<?> c : table.columns()) {
            h.append("<th style=\"font-weight:normal;color:#777;font-size:smaller\">")
                    .append(TextForms.escapeHtml(typeName(c.type()))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int r : rows) {
            h.append("<tr>");
            if (r < 0) {
                h.append("<th>…</th>");
                for (int c = 0; c < table.columnCount(); c++) {
                    h.append("<td style=\"text-align:center\">…</td>");
                }
            } else {
                h.append("<th>").append(r).append("</th>");
                for (Column<?> c : table.columns()) {
                    boolean numeric = isNumeric(c.type());
                    h.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                            .append(c.isMissing(r) ? "<i style=\"color:#aaa\">" + MISSING + "</i>"
                                    : TextForms.escapeHtml(c.getString(r)))
                            .append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
        return h.toString();
    }

    private static String text(Table table, List<Integer> rows) {
        int columns = table.columnCount();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[columns + 1];
        String[] types = new String[columns + 1];
        header[0] = "";
        types[0] = "";
        for (int c = 0; c < columns; c++) {
            header[c + 1] = table.column(c).name();
            types[c + 1] = typeName(table.column(c).type());
        }
        lines.add(header);
        lines.add(types);
        for (int r : rows) {
            String[] line = new String[columns + 1];
            line[0] = r < 0 ? "…" : Integer.toString(r);
            for (int c = 0; c < columns; c++) {
                Column<?> col = table.column(c);
                line[c + 1] = r < 0 ? "…" : col.isMissing(r) ? MISSING : col.getString(r);
            }
            lines.add(line);
        }
        int[] widths = new int[columns + 1];
        for (String[] line : lines) {
            for (int c = 0; c <= columns; c++) {
                widths[c] = Math.max(widths[c], Math.min(40, line[c].length()));
            }
        }
        StringBuilder t = new StringBuilder();
        t.append(table.name() == null || table.name().isBlank() ? "" : table.name() + " · ").append(shape(table)).append('\n');
        for (String[] line : lines) {
            for (int c = 0; c <= columns; c++) {
                String cell = line[c].length() > 40 ? line[c].substring(0, 39) + "…" : line[c];
                t.append(c == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, widths[c]) + "s", cell));
            }
            t.append('\n');
        }
        return t.toString().stripTrailing();
    }

    private static final Map<String, Boolean> NUMERIC = Map.of("DOUBLE", true, "FLOAT", true, "INTEGER", true,
            "LONG", true, "SHORT", true);

    private static boolean isNumeric(ColumnType type) {
        return NUMERIC.getOrDefault(type.name(), false);
    }

    private static String typeName(ColumnType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
