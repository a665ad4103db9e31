package org.deepbrew.data.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class OneHotTest {
    private static Table table(String... colours) {
        return Table.create("t", DoubleColumn.create("size", new double[colours.length]).map(v -> 1.0),
                StringColumn.create("colour", colours), DoubleColumn.create("price", colours.length));
    }

    @Test
    void oneZeroOneColumnPerTrainingCategoryInPlace() {
        OneHot hot = OneHot.fit(table("red", "blue", "red"), "colour");
        assertEquals(List.of("blue", "red"), hot.categories("colour"));
        assertEquals(List.of("colour=blue", "colour=red"), hot.encodedNames());
        Table t = hot.transform(table("red", "green", "blue"));
        assertEquals(List.of("size", "colour=blue", "colour=red", "price"), t.columnNames());
        assertEquals(List.of(0, 0, 1), t.intColumn("colour=blue").asList());
        // "green" was never seen in training: no column is hot.
        assertEquals(List.of(1, 0, 0), t.intColumn("colour=red").asList());
    }

    @Test
    void namesAMissingColumn() {
        assertThrows(IllegalArgumentException.class, () -> OneHot.fit(table("red"), "shape"));
        OneHot hot = OneHot.fit(table("red"), "colour");
        assertThrows(IllegalArgumentException.class, () -> hot.transform(Table.create("empty")));
        assertThrows(IllegalArgumentException.class, () -> hot.categories("size"));
    }
}
