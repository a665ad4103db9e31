package org.deepbrew.display;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Limits how often an action runs: at most once per interval however often it is requested, and
 * a request that falls inside the interval is not lost but runs at the end of it (on a shared
 * daemon thread), so the last state is always shown. Used by progress bars and live charts.
 */
final class Throttle {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepbrew-display-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long intervalNanos;
    private final Runnable action;
    private long lastRun;
    private boolean ranOnce;
    private boolean dirty;
    private ScheduledFuture<?> pending;

    Throttle(long intervalMillis, Runnable action) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.action = action;
    }

    /** Asks for the action: now if the interval has passed, else once at the end of it. */
    synchronized void request() {
        dirty = true;
        long now = System.nanoTime();
        long since = now - lastRun;
        if (!ranOnce || since >= intervalNanos) {
            runNow();
        } else if (pending == null) {
            pending = TIMER.schedule(this::runPending, intervalNanos - since, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the action now if a request has not been served yet. */
    synchronized void flush() {
        if (dirty) {
            runNow();
        }
    }

    private synchronized void runPending() {
        pending = null;
        if (dirty) {
            runNow();
        }
    }

    private void runNow() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        dirty = false;
        ranOnce = true;
        lastRun = System.nanoTime();
        action.run();
    }
}
