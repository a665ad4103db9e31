package org.deepbrew.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Shows a Tablesaw {@link Column} as a one-column table (bounded rows, shape and type, as for tables). */
public final class ColumnRenderer implements Renderer<Column<?>> {
    private final TableRenderer tables = new TableRenderer();

    @Override
    public MimeBundle render(Column<?> column) {
        Table table = Table.create(column.name());
        table.addColumns(column.copy());
        return tables.render(table);
    }
}
