package org.deepbrew.data;

import org.deepbrew.display.Display;
import org.deepbrew.display.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchProgressTest {
    private static final int SIZE = 4_000_000;

    @AfterEach
    void restoreConsoleSink() {
        Display.setSink(null);
    }

    /** A data set of one 4 MB file, downloaded from a file: URL (no network). */
    private static Manifest oneFile(Path tmp) throws IOException {
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);
        Path file = Files.write(origin.resolve("data.bin"), data);
        FileSpec spec = FileSpec.of("data.bin", Checksums.sha256(file), SIZE);
        return new Manifest(List.of(new DatasetSpec("toy", "1", "a toy", "none", "none", List.of(spec),
                List.of(new SourceSpec.Url(origin.toUri().toString())))));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Remembers every event a fetch reports. */
    private static final class Recording implements FetchProgress {
        final List<String> events = new ArrayList<>();
        long bytes;
        int advances;

        public synchronized void start(String task, long totalBytes) {
            events.add("start " + task + " " + totalBytes);
        }

        public synchronized void advance(long n) {
            bytes += n;
            advances++;
        }

        public synchronized void finish() {
            events.add("finish after " + bytes);
        }
    }

    @Test
    void aDownloadReportsItsTaskItsSizeEveryBlockAndItsEnd(@TempDir Path tmp) throws IOException {
        Recording progress = new Recording();
        new DatasetResolver(new DataCache(tmp.resolve("cache")), oneFile(tmp)).progress(progress).resolve("toy");
        assertEquals(List.of("start Downloading data.bin " + SIZE, "finish after " + SIZE), progress.events);
        assertTrue(progress.advances > 10, "progress while the bytes arrive, not only at the end: "
                + progress.advances + " advances");
    }

    @Test
    void inANotebookAFetchShowsOneByteBarUpdatedInPlaceWithoutFlooding(@TempDir Path tmp) throws IOException {
        RecordingSink notebook = new RecordingSink(true);
        Display.setSink(notebook);
        long start = System.nanoTime();
        // No progress(...) call: the default must find the notebook by itself.
        new DatasetResolver(new DataCache(tmp.resolve("cache")), oneFile(tmp)).resolve("toy");
        double seconds = seconds(start);

        List<RecordingSink.Call> calls = notebook.calls();
        assertFalse(calls.isEmpty(), "the fetch showed nothing");
        String id = calls.get(0).displayId();
        assertFalse(calls.get(0).update());
        assertTrue(calls.stream().skip(1).allMatch(c -> c.update() && c.displayId().equals(id)),
                "one output, then only updates of it: " + calls);
        // Hundreds of 8 kB reads, yet the bar updates at most about four times a second.
        assertTrue(notebook.updates() <= seconds * 4 + 3, notebook.updates() + " updates in " + seconds + " s");
        String last = notebook.last().bundle().plainText();
        assertTrue(last.startsWith("Downloading data.bin 100% |") && last.contains("4.0 MB/4.0 MB")
                && last.contains("B/s]"), last);
    }

    @Test
    void outsideJupyterAFetchDrawsOneConsoleLineAndNoDisplay(@TempDir Path tmp) throws IOException {
        RecordingSink console = new RecordingSink(false);
        Display.setSink(console);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FetchProgress progress = new AutoFetchProgress(FetchProgress.bar(),
                new FetchProgress.ConsoleProgress(new PrintStream(err, true, StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        new DatasetResolver(new DataCache(tmp.resolve("cache")), oneFile(tmp)).progress(progress).resolve("toy");
        double seconds = seconds(start);

        assertTrue(console.calls().isEmpty(), "no display outputs on a console: " + console.calls());
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rDownloading data.bin:") && text.endsWith("100.0% of 4.0 MB done\n"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn in place: " + text);
        long redraws = text.chars().filter(c -> c == '\r').count();
        assertTrue(redraws <= seconds * 2 + 3, redraws + " redraws in " + seconds + " s");
    }
}
