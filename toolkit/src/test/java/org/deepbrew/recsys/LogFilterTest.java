package org.deepbrew.recsys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LogFilterTest {

    @Test
    void ratingThresholdKeepsRatingsAtOrAboveIt() {
        InteractionLog log = InteractionLog.of(new int[] {1, 1, 1, 2}, new int[] {10, 11, 12, 10},
                new long[] {1, 2, 3, 4}, new double[] {3.0, 3.5, 5.0, 1.0});
        InteractionLog liked = log.filter(LogFilter.keepAll().minRating(3.5));
        assertEquals(2, liked.size());
        assertEquals(11, liked.item(0));
        assertEquals(12, liked.item(1));
        assertEquals(4, log.filter(LogFilter.keepAll()).size(), "the default keeps every rating");
    }

    @Test
    void thresholdNeedsRatings() {
        InteractionLog log = InteractionLog.of(new int[] {1}, new int[] {1}, new long[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> log.filter(LogFilter.keepAll().minRating(4)));
        assertTrue(e.getMessage().contains("ratings"), e.getMessage());
    }

    @Test
    void countsAreFilteredToAFixedPoint() {
        // A core of users P=1, Q=2 who both saw items 1 and 2, and a chain that unravels one link
        // per round: X=3 saw {9, 5}, Y=4 saw {5, 6}, Z=5 saw {6, 7}. With both minimums 2, round 1
        // drops items 9 and 7 (one user each), then X and Z (one item left each); round 2 drops
        // items 5 and 6 (only Y left on them), then Y. One round alone would keep Y, 5 and 6.
        int[] users = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        int[] items = {1, 2, 1, 2, 9, 5, 5, 6, 6, 7};
        long[] times = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        InteractionLog log = InteractionLog.of(users, items, times);
        InteractionLog core = log.filter(LogFilter.keepAll().minItemInteractions(2).minUserInteractions(2));
        assertEquals(4, core.size());
        for (int r = 0; r < core.size(); r++) {
            assertTrue(core.user(r) <= 2 && core.item(r) <= 2, "row " + r + " is outside the core");
        }
        assertEquals(3, core.timestamp(2), "rows keep their order");
    }

    @Test
    void userMinimumAloneDropsShortUsers() {
        InteractionLog log = InteractionLog.of(new int[] {1, 1, 1, 2, 2}, new int[] {1, 2, 3, 1, 2},
                new long[] {1, 2, 3, 4, 5});
        InteractionLog kept = log.filter(LogFilter.keepAll().minUserInteractions(3));
        assertEquals(3, kept.size());
        assertEquals(1, kept.userCount());
    }

    @Test
    void filterCanEmptyTheLog() {
        InteractionLog log = InteractionLog.of(new int[] {1, 2}, new int[] {1, 2}, new long[] {1, 2});
        assertEquals(0, log.filter(LogFilter.keepAll().minItemInteractions(2)).size());
    }

    @Test
    void badMinimumsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LogFilter.keepAll().minItemInteractions(0));
        assertThrows(IllegalArgumentException.class, () -> LogFilter.keepAll().minUserInteractions(-1));
        assertThrows(IllegalArgumentException.class, () -> LogFilter.keepAll().minRating(Double.NaN));
    }
}
