package org.deepbrew.train;

/** Chooses how a {@link Fit} run shows progress when the caller did not say. */
public final class FitProgress {
    private FitProgress() {}

    /**
     * A progress bar and live chart where output is rich (Jupyter); console lines (one per epoch,
     * at most one batch line every 10 seconds) elsewhere.
     */
    public static FitListener auto() {
        return org.deepbrew.display.Display.sink().showsRichOutput() ? new LiveProgress() : new ConsoleProgress();
    }
}
