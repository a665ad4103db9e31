package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    @AfterEach
    void restoreConsole() {
        Display.setSink(null);
    }

    @Test
    void thousandFastStepsGiveFewUpdatesAndEndAtHundredPercent() {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        ProgressMeter bar = ProgressMeter.create("Training", 1000);
        for (int i = 0; i < 1000; i++) {
            bar.step();
        }
        List<RecordingSink.Call> calls = sink.calls();
        assertFalse(calls.get(0).update());
        assertTrue(calls.stream().allMatch(c -> c.displayId().equals(bar.displayId())), "one output, updated in place");
        assertTrue(sink.updates() >= 1 && sink.updates() <= 4, "updates: " + sink.updates());
        String last = sink.last().bundle().plainText();
        assertTrue(last.startsWith("Training 100% |") && last.contains("1,000/1,000"), last);
        assertTrue(((String) sink.last().bundle().get("text/html")).contains("value=\"1000\" max=\"1000\""));
        long before = sink.updates();
        bar.close();
        assertEquals(before, sink.updates(), "closing after the final state shows nothing new");
    }

    @Test
    void slowStepsAreThrottledToAboutFourUpdatesPerSecond() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        ProgressMeter bar = ProgressMeter.create("Epoch", 0);
        long start = System.nanoTime();
        for (int i = 0; i < 120; i++) {
            bar.step().metrics(Map.of("loss", 1.0 / (i + 1)));
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.close();
        long updates = sink.updates();
        assertTrue(updates <= seconds * 4 + 3, updates + " updates in " + seconds + " s");
        assertTrue(updates >= 2, "the bar moved while stepping: " + updates);
        String last = sink.last().bundle().plainText();
        assertTrue(last.contains("120 [") && last.contains("loss=0.008333"), last);
    }

    @Test
    void skippedUpdatesAreShownWhenTheIntervalEnds() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        ProgressMeter bar = ProgressMeter.create("Download", 100);
        bar.step(10);
        bar.step(20).message("halfway");
        Thread.sleep(ProgressMeter.NOTEBOOK_INTERVAL_MS * 3);
        String last = sink.last().bundle().plainText();
        assertTrue(last.contains("30/100") && last.contains("halfway"), last);
        bar.close();
    }

    @Test
    void consoleGetsAPlainLineEveryFewSecondsNotAFlood() {
        RecordingSink console = new RecordingSink(false);
        Display.setSink(console);
        ProgressMeter bar = ProgressMeter.create("Preparing", 50_000);
        for (int i = 0; i < 49_999; i++) {
            bar.step();
        }
        bar.close();
        assertTrue(console.calls().size() <= 3, "console lines: " + console.calls().size());
        assertTrue(console.last().bundle().plainText().contains("49,999/50,000"));
    }

    @Test
    void concurrentStepsAreAllCounted() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        ProgressMeter bar = ProgressMeter.create("Parallel", 8 * 5000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 5000; i++) {
                    bar.step();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(40_000, bar.count());
        assertTrue(sink.last().bundle().plainText().contains("100%"), sink.last().bundle().plainText());
        assertTrue(sink.updates() <= 10, "updates: " + sink.updates());
    }

    @Test
    void djlProgressCallsDriveTheBarAndEachResetStartsANewOutput() {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        ai.djl.util.Progress progress = new ProgressMeter();
        assertTrue(sink.calls().isEmpty(), "nothing is shown before DJL starts the bar");
        progress.reset("Downloading a.gz", 200, null);
        progress.start(0);
        progress.update(50, "a.gz");
        progress.increment(150);
        progress.end();
        String first = sink.last().displayId();
        assertTrue(sink.last().bundle().plainText().startsWith("Downloading a.gz 100% |"), sink.last().bundle().plainText());
        progress.reset("Extracting", 10, null);
        progress.increment(4);
        progress.end();
        RecordingSink.Call last = sink.last();
        assertFalse(first.equals(last.displayId()), "a new task gets its own output");
        assertTrue(last.bundle().plainText().startsWith("Extracting  40% |"), last.bundle().plainText());
        assertEquals(2, sink.calls().stream().filter(c -> !c.update()).count());
    }

    @Test
    void overIteratesEveryItemAndEndsAtTheTotal() {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        List<Integer> seen = new java.util.ArrayList<>();
        for (int i : ProgressMeter.over("Items", List.of(1, 2, 3, 4))) {
            seen.add(i);
        }
        assertEquals(List.of(1, 2, 3, 4), seen);
        assertTrue(sink.last().bundle().plainText().contains("100% |") && sink.last().bundle().plainText().contains("4/4"),
                sink.last().bundle().plainText());
    }
}
