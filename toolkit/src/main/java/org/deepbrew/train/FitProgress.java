package org.deepbrew.train;

/** Chooses how a {@link Fit} run shows progress when the caller did not say. */
public final class FitProgress {
    private FitProgress() {}

    /** Console lines: one per epoch, at most one batch line every 10 seconds. */
    public static FitListener auto() {
        return new ConsoleProgress();
    }
}
