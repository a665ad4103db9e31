package org.deepbrew.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries {@code System.out} and {@code System.err} to the notebook. Permanent replacement
 * streams (see {@link #stdout()}) feed a buffer that is sent as Jupyter stream messages at most
 * every {@link #FLUSH_INTERVAL_MS} ms, and at once when a cell ends, so a training loop's prints
 * appear while it runs. Output goes to the cell running now, or to the last cell when none runs
 * (background threads). A cell that floods the notebook is capped: past {@link #MAX_CELL_BYTES}
 * or {@link #MAX_CELL_LINES} its output is counted, not sent, and one note says how much was dropped.
 *
 * <p>Thread-safe: any thread may print.
 */
public final class OutputRouter implements AutoCloseable {
    /** Streams are batched this long; a browser cannot show more updates anyway. */
    public static final long FLUSH_INTERVAL_MS = 50;
    /** One cell's output beyond 1 MiB makes notebooks slow to open and is never read. */
    public static final long MAX_CELL_BYTES = 1L << 20;
    /** Nor is anything beyond 10,000 lines. */
    public static final long MAX_CELL_LINES = 10_000;

    /** Which stream. */
    public enum Stream {
        /** Standard output. */
        STDOUT,
        /** Standard error. */
        STDERR
    }

    /** Where flushed text goes: the kernel sends it as a stream message with the given parent. */
    @FunctionalInterface
    public interface Sink {
        /** Sends {@code text} of {@code stream}; {@code parent} is what {@link #beginCell} was given. */
        void send(Stream stream, String text, Object parent);
    }

    private final Sink sink;
    private final PrintStream fallbackOut;
    private final PrintStream fallbackErr;
    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepbrew-output-flusher");
        t.setDaemon(true);
        return t;
    });

    // All guarded by this.
    private Object parent;
    private boolean flushScheduled;
    private long cellBytes;
    private long cellLines;
    private long droppedBytes;
    private long droppedLines;

    /**
     * @param sink where output goes once a cell has started
     * @param fallbackOut where stdout goes before any cell (the kernel's own console)
     * @param fallbackErr where stderr goes before any cell
     */
    public OutputRouter(Sink sink, PrintStream fallbackOut, PrintStream fallbackErr) {
        this.sink = sink;
        this.fallbackOut = fallbackOut;
        this.fallbackErr = fallbackErr;
        this.stdout = new PrintStream(new RoutedStream(Stream.STDOUT), false, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(new RoutedStream(Stream.STDERR), false, StandardCharsets.UTF_8);
    }

    /** The stream to install as {@code System.out}. */
    public PrintStream stdout() {
        return stdout;
    }

    /** The stream to install as {@code System.err}. */
    public PrintStream stderr() {
        return stderr;
    }

    /** Output from now on belongs to the cell {@code parent} (the execute request). */
    public synchronized void beginCell(Object parent) {
        flushLocked();
        this.parent = parent;
        cellBytes = 0;
        cellLines = 0;
        droppedBytes = 0;
        droppedLines = 0;
    }

    /**
     * The cell finished: sends what is buffered and, if output was dropped, the one note saying
     * how much. Later output (from threads the cell started) still goes to this cell.
     */
    public synchronized void endCell() {
        stdout.flush();
        stderr.flush();
        flushLocked();
        if (droppedBytes > 0 && parent != null) {
            sink.send(Stream.STDERR, String.format(
                    "%n[output truncated: this cell printed more than %,d lines or %,d KiB; %,d more lines (%,d bytes) were dropped]%n",
                    MAX_CELL_LINES, MAX_CELL_BYTES >> 10, droppedLines, droppedBytes), parent);
            droppedBytes = 0;
            droppedLines = 0;
        }
    }

    /** The cell output goes to now (the last cell's once it ended), or {@code null} before any. */
    public synchronized Object parent() {
        return parent;
    }

    /** Sends buffered output now (for example before a display, to keep the order). */
    public synchronized void flush() {
        flushLocked();
    }

    private synchronized void write(Stream stream, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (parent == null) {
            (stream == Stream.STDOUT ? fallbackOut : fallbackErr).write(b, off, len);
            return;
        }
        int keep = 0;
        if (cellLines < MAX_CELL_LINES && cellBytes < MAX_CELL_BYTES) {
            keep = (int) Math.min(len, MAX_CELL_BYTES - cellBytes);
            for (int i = off; i < off + keep; i++) {
                if (b[i] == '\n' && ++cellLines >= MAX_CELL_LINES) {
                    keep = i - off + 1;
                    break;
                }
            }
            cellBytes += keep;
            (stream == Stream.STDOUT ? outBuffer : errBuffer).write(b, off, keep);
            if (!flushScheduled) {
                flushScheduled = true;
                flusher.schedule(this::flush, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
            }
        }
        if (keep < len) {
            droppedBytes += len - keep;
            for (int i = off + keep; i < off + len; i++) {
                if (b[i] == '\n') {
                    droppedLines++;
                }
            }
        }
    }

    private void flushLocked() {
        flushScheduled = false;
        if (parent == null) {
            return;
        }
        send(Stream.STDOUT, outBuffer);
        send(Stream.STDERR, errBuffer);
    }

    private void send(Stream stream, ByteArrayOutputStream buffer) {
        if (buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int complete = completeUtf8Length(bytes);
        buffer.reset();
        if (complete < bytes.length) {
            // Keep a character split across writes for the next flush.
            buffer.write(bytes, complete, bytes.length - complete);
        }
        if (complete > 0) {
            sink.send(stream, new String(bytes, 0, complete, StandardCharsets.UTF_8), parent);
        }
    }

    /** Length of the prefix of {@code b} that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Length(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    @Override
    public void close() {
        flush();
        flusher.shutdown();
    }

    private final class RoutedStream extends OutputStream {
        private final Stream stream;

        RoutedStream(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            OutputRouter.this.write(stream, b, off, len);
        }
    }
}
