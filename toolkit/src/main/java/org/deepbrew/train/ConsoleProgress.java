package org.deepbrew.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as plain text: one line per epoch, plus at most one batch line every
 * {@code intervalSeconds} so long epochs show life without flooding the output.
 */
public final class ConsoleProgress implements FitListener {
    private final PrintStream out;
    private final double intervalSeconds;
    private long lastLine;
    private int epochs;
    private int batchesPerEpoch;

    /** Prints to {@code System.out}, a batch line at most every 10 s. */
    public ConsoleProgress() {
        this(System.out, 10);
    }

    /** Prints to {@code out}, a batch line at most every {@code intervalSeconds}. */
    public ConsoleProgress(PrintStream out, double intervalSeconds) {
        this.out = out;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        lastLine = System.nanoTime();
    }

    @Override
    public void onBatch(BatchRecord b, History history) {
        long now = System.nanoTime();
        if ((now - lastLine) / 1e9 < intervalSeconds) {
            return;
        }
        lastLine = now;
        String of = batchesPerEpoch > 0 ? "/" + batchesPerEpoch : "";
        int inEpoch = batchesPerEpoch > 0 ? (b.step() - 1) % batchesPerEpoch + 1 : b.step();
        out.println(String.format(Locale.ROOT, "  epoch %d/%d batch %d%s  loss %.4f%s  %.0f items/s",
                b.epoch(), epochs, inEpoch, of, b.loss(),
                Double.isNaN(b.accuracy()) ? "" : String.format(Locale.ROOT, "  acc %.3f", b.accuracy()),
                b.itemsPerSecond()));
    }

    @Override
    public void onEpoch(EpochRecord e, History history) {
        lastLine = System.nanoTime();
        out.println(History.describe(e, epochs));
    }

    @Override
    public void onEnd(History history) {
        if (history.stoppedEarly()) {
            out.println("Stopped early after epoch " + history.epochs().size()
                    + "; best epoch " + history.bestEpoch());
        }
    }
}
