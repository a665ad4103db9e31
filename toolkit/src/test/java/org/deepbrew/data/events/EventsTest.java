package org.deepbrew.data.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsTest {

    @Test
    void readsMovieLensUdataAndNamesBadLines(@TempDir Path dir) throws Exception {
        Path u = Files.writeString(dir.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n\n22\t377\t1\t878887116\n");
        List<Event> events = EventLogs.readMovieLens(u);
        assertEquals(3, events.size());
        assertEquals(new Event(196, 242, 881250949L, EventType.RATE, 3), events.get(0));
        assertEquals(3, EventLogs.toTable(events).rowCount());

        Path bad = Files.writeString(dir.resolve("bad.data"), "1\t2\t3\t4\n1\t2\t3\n");
        IOException e = assertThrows(IOException.class, () -> EventLogs.readMovieLens(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void simulatedSessionsFollowTheFunnelAndRevealTheTruePreferences() {
        SessionSimulator sim = SessionSimulator.builder().users(100).seed(7).build();
        List<Event> events = sim.simulate(20, 1_700_000_000L);
        assertEquals(events, SessionSimulator.builder().users(100).seed(7).build().simulate(20, 1_700_000_000L));

        long views = events.stream().filter(e -> e.type() == EventType.VIEW).count();
        long carts = events.stream().filter(e -> e.type() == EventType.CART).count();
        long buys = events.stream().filter(e -> e.type() == EventType.PURCHASE).count();
        assertTrue(views > carts && carts > buys && buys > 0);
        assertEquals(0.4, buys / (double) carts, 0.05, "purchase given cart");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).timestamp() >= events.get(i - 1).timestamp(), "time-ordered");
        }

        // The most-viewed category of each user recovers the true favourite for most users.
        int[][] viewCounts = new int[100][sim.categories()];
        events.stream().filter(e -> e.type() == EventType.VIEW)
                .forEach(e -> viewCounts[e.user()][sim.category(e.item())]++);
        int hits = 0;
        for (int u = 0; u < 100; u++) {
            int best = 0;
            for (int c = 1; c < sim.categories(); c++) {
                if (viewCounts[u][c] > viewCounts[u][best]) {
                    best = c;
                }
            }
            hits += best == sim.favouriteCategory(u) ? 1 : 0;
        }
        assertTrue(hits >= 85, hits + " of 100 favourites recovered");
        double[] row = sim.preferences()[0];
        assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9);
    }
}
