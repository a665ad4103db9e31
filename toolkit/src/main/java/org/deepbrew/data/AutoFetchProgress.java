package org.deepbrew.data;

import org.deepbrew.display.Display;

/**
 * Fetch progress where the user will see it: a progress bar when outputs go to a notebook, a
 * console line otherwise. The choice is made again at each task, from the display sink installed
 * then, as training progress chooses ({@code FitProgress.auto()}), so a resolver created before
 * the kernel installed its sink still draws bars in the notebook.
 */
final class AutoFetchProgress implements FetchProgress {
    private final FetchProgress notebook;
    private final FetchProgress console;
    private FetchProgress current = FetchProgress.silent();

    AutoFetchProgress(FetchProgress notebook, FetchProgress console) {
        this.notebook = notebook;
        this.console = console;
    }

    @Override
    public synchronized void start(String task, long totalBytes) {
        current.finish();
        current = Display.sink().showsRichOutput() ? notebook : console;
        current.start(task, totalBytes);
    }

    @Override
    public synchronized void advance(long bytes) {
        current.advance(bytes);
    }

    @Override
    public synchronized void finish() {
        current.finish();
        current = FetchProgress.silent();
    }
}
