package org.deepbrew.display;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Limits how often an action runs: at most once per interval however often it is requested, and
 * a request that falls inside the interval is not lost but served at the end of it (on a shared
 * daemon thread), so the last state is always shown. In background mode every run happens on
 * that thread, so a slow action (drawing a chart) never holds up the caller (a training loop);
 * {@link #flush()} always runs in the caller, so that a finished output is complete when the call
 * returns. Used by progress bars and live charts.
 */
final class Throttle {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepbrew-display-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long intervalNanos;
    private final boolean background;
    private final Runnable action;
    /** Serializes runs of the action; held while it runs, never together with {@code this}. */
    private final Object running = new Object();
    private long requested;
    private long served;
    private long lastRun;
    private boolean ranOnce;
    private ScheduledFuture<?> pending;

    Throttle(long intervalMillis, boolean background, Runnable action) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.background = background;
        this.action = action;
    }

    /** Asks for the action: now if the interval has passed, else once at the end of it. */
    void request() {
        boolean runHere = false;
        synchronized (this) {
            requested++;
            long now = System.nanoTime();
            long since = now - lastRun;
            boolean due = !ranOnce || since >= intervalNanos;
            if (due && !background && pending == null) {
                runHere = true;
                lastRun = now;
                ranOnce = true;
            } else if (pending == null) {
                pending = TIMER.schedule(this::runPending, due ? 0 : intervalNanos - since, TimeUnit.NANOSECONDS);
            }
        }
        if (runHere) {
            serve();
        }
    }

    /** Runs the action now, in the caller, if a request has not been served yet. */
    void flush() {
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        serve();
    }

    private void runPending() {
        synchronized (this) {
            pending = null;
            lastRun = System.nanoTime();
            ranOnce = true;
        }
        serve();
    }

    private void serve() {
        synchronized (running) {
            long upTo;
            synchronized (this) {
                upTo = requested;
                if (upTo == served) {
                    return;
                }
            }
            action.run();
            synchronized (this) {
                served = Math.max(served, upTo);
            }
        }
    }
}
