package org.deepbrew.data;

import org.deepbrew.display.ProgressMeter;

/**
 * Fetch progress as a notebook progress bar: each task (a download, an unpacking) gets one bar,
 * updated in place as bytes arrive. The bar throttles its own updates, so a fetch that reports
 * every few kilobytes still sends only a few updates a second.
 */
final class BarFetchProgress implements FetchProgress {
    private ProgressMeter bar;

    @Override
    public synchronized void start(String task, long totalBytes) {
        finish();
        bar = ProgressMeter.createForBytes(task, totalBytes);
    }

    @Override
    public synchronized void advance(long bytes) {
        if (bar != null) {
            bar.step(bytes);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
