package org.deepbrew.kernel.protocol;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Jupyter's {@code stop_on_error}: when a cell fails, the execute requests already waiting
 * behind it (a "Run All", cells run in quick succession) are answered {@code aborted} instead of
 * run, as IPython does, since they most likely depend on what failed. Requests sent afterwards
 * run as usual.
 */
public final class StopOnError {
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Called by the execute handler when a cell that asked for {@code stop_on_error} failed. */
    public void cellFailed() {
        pending.set(true);
    }

    /** True once after {@link #cellFailed()}: the shell channel then aborts what is waiting. */
    boolean takePending() {
        return pending.getAndSet(false);
    }
}
