package org.deepbrew.recsys;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InteractionLogTest {

    @Test
    void sequencesAreInTimeOrderWithTiesInRowOrder() {
        // user 7: items 30 (t=5), 10 (t=5), 20 (t=1); user 3: items 20 (t=9), 10 (t=2).
        // Dense ids by raw id: 10 -> 1, 20 -> 2, 30 -> 3. User 7 in time order: 20, then the tie
        // 30/10 in row order (30 first), so [2, 3, 1]; by item id it would be [2, 1, 3].
        InteractionLog log = InteractionLog.of(
                new int[] {7, 7, 3, 7, 3},
                new int[] {30, 10, 20, 20, 10},
                new long[] {5, 5, 9, 1, 2});
        UserSequences s = log.toSequences();
        assertEquals(2, s.userCount());
        assertEquals(3, s.userId(0), "users ascend by raw id");
        assertEquals(7, s.userId(1));
        assertArrayEquals(new int[] {1, 2}, s.items(0));
        assertArrayEquals(new int[] {2, 3, 1}, s.items(1));
        assertArrayEquals(new long[] {1, 5, 5}, s.timestamps(1));
        assertEquals(1, s.userIndex(7));
        assertEquals(5, s.interactionCount());
        assertEquals(3, s.itemCount());
    }

    @Test
    void swappingTiedRowsSwapsTheirOrder() {
        InteractionLog a = InteractionLog.of(new int[] {1, 1}, new int[] {5, 6}, new long[] {0, 0});
        InteractionLog b = InteractionLog.of(new int[] {1, 1}, new int[] {6, 5}, new long[] {0, 0});
        assertArrayEquals(new int[] {1, 2}, a.toSequences().items(0));
        assertArrayEquals(new int[] {2, 1}, b.toSequences().items(0));
    }

    @Test
    void catalogueMapsBothWays() {
        ItemCatalogue c = ItemCatalogue.of(new int[] {50, 7, 50, 12});
        assertEquals(3, c.size());
        assertEquals(1, c.denseId(7));
        assertEquals(2, c.denseId(12));
        assertEquals(3, c.denseId(50));
        assertEquals(50, c.rawId(3));
        assertTrue(c.contains(12));
        assertFalse(c.contains(13));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.denseId(13));
        assertTrue(e.getMessage().contains("13"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.rawId(0));
        assertThrows(IllegalArgumentException.class, () -> c.rawId(4));
    }

    @Test
    void labelsComeFromAnItemTable() {
        ItemCatalogue c = ItemCatalogue.of(new int[] {7, 12, 50});
        Table movies = Table.create("movies",
                IntColumn.create("movieId", 50, 7, 99),
                StringColumn.create("title", "Fifty", "Seven", "Not rated"));
        String[] labels = c.labels(movies, "movieId", "title");
        assertArrayEquals(new String[] {"<pad>", "Seven", "item 12", "Fifty"}, labels);
    }

    @Test
    void readsATableOfMovieLensColumns() {
        Table ratings = Table.create("ratings",
                IntColumn.create("userId", 2, 1, 2),
                IntColumn.create("movieId", 10, 10, 20),
                DoubleColumn.create("rating", 4.0, 2.5, 5.0),
                LongColumn.create("timestamp", 200L, 100L, 150L));
        InteractionLog log = InteractionLog.fromMovieLens(ratings);
        assertEquals(3, log.size());
        assertEquals(2, log.userCount());
        assertEquals(2, log.itemCount());
        assertEquals(2.5, log.rating(1));
        assertEquals(150L, log.timestamp(2));
        UserSequences s = log.toSequences();
        assertArrayEquals(new int[] {2, 1}, s.items(1), "user 2 saw 20 (t=150) before 10 (t=200)");
        InteractionLog noRatings = InteractionLog.fromTable(ratings, "userId", "movieId", "timestamp");
        assertFalse(noRatings.hasRatings());
        assertThrows(IllegalStateException.class, () -> noRatings.rating(0));
    }

    @Test
    void badTablesAreExplained() {
        Table t = Table.create("t",
                IntColumn.create("u", 1, 2),
                StringColumn.create("item", "a", "b"),
                DoubleColumn.create("time", 1.0, 2.5));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.fromTable(t, "user", "item", "time"));
        assertTrue(missing.getMessage().contains("no column \"user\""), missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.fromTable(t, "u", "item", "time"));
        assertTrue(text.getMessage().contains("not numeric"), text.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.fromTable(t, "u", "u", "time"));
        assertTrue(fraction.getMessage().contains("row 1") && fraction.getMessage().contains("2.5"),
                fraction.getMessage());
        IntColumn withGap = IntColumn.create("u", 1, 2);
        withGap.setMissing(1);
        Table gap = Table.create("g", withGap, IntColumn.create("i", 1, 2), IntColumn.create("t", 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.fromTable(gap, "u", "i", "t"));
        assertTrue(e.getMessage().contains("missing value in row 1"), e.getMessage());
    }

    @Test
    void arraysMustAgreeInLength() {
        assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.of(new int[] {1}, new int[] {1, 2}, new long[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> InteractionLog.of(new int[] {1}, new int[] {1}, new long[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalStateException.class,
                () -> InteractionLog.of(new int[0], new int[0], new long[0]).toSequences());
    }

    @Test
    void sequencesAreCopies() {
        UserSequences s = InteractionLog.of(new int[] {1, 1}, new int[] {5, 6}, new long[] {0, 1}).toSequences();
        s.items(0)[0] = 99;
        List<int[]> all = s.all();
        all.get(0)[1] = 99;
        assertArrayEquals(new int[] {1, 2}, s.items(0));
    }
}
