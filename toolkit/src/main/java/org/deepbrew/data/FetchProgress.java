package org.deepbrew.data;

import java.io.PrintStream;

/**
 * Reports progress of a long fetch. Kept tiny so that a notebook progress bar, a console line or
 * nothing at all can stand behind it. A fetch reports every few kilobytes; implementations limit
 * how often they redraw.
 */
public interface FetchProgress {

    /** A task starts; {@code totalBytes} is -1 when unknown. */
    void start(String task, long totalBytes);

    /** {@code bytes} more were transferred. */
    void advance(long bytes);

    /** The task ended, successfully or not. */
    void finish();

    /** Reports nothing. */
    static FetchProgress silent() {
        return new FetchProgress() {
            public void start(String task, long totalBytes) {}
            public void advance(long bytes) {}
            public void finish() {}
        };
    }

    /**
     * A progress bar per task in a notebook, a console line elsewhere, chosen at each task from
     * where displayed outputs go (see {@link org.deepbrew.display.DisplaySink#showsRichOutput()}).
     * What resolvers use unless told otherwise.
     */
    static FetchProgress auto() {
        return new AutoFetchProgress(bar(), console());
    }

    /** A progress bar (org.deepbrew.display) per task, updated in place, sizes in bytes. */
    static FetchProgress bar() {
        return new BarFetchProgress();
    }

    /** A console line on standard error, redrawn at most every half second. */
    static FetchProgress console() {
        return new ConsoleProgress(System.err);
    }

    /** Console progress that redraws one line in place. */
    final class ConsoleProgress implements FetchProgress {
        private final PrintStream out;
        private String task;
        private long total;
        private long done;
        private long lastDraw;

        ConsoleProgress(PrintStream out) {
            this.out = out;
        }

        public synchronized void start(String task, long totalBytes) {
            this.task = task;
            this.total = totalBytes;
            this.done = 0;
            this.lastDraw = 0;
            draw(false);
        }

        public synchronized void advance(long bytes) {
            done += bytes;
            long now = System.nanoTime();
            if (now - lastDraw > 500_000_000L) {
                lastDraw = now;
                draw(false);
            }
        }

        public synchronized void finish() {
            draw(true);
        }

        private void draw(boolean last) {
            String amount = total > 0
                    ? String.format("%5.1f%% of %s", 100.0 * done / total, DataSize.format(total))
                    : DataSize.format(done);
            out.print("\r" + task + ": " + amount + (last ? " done\n" : ""));
            out.flush();
        }
    }
}
