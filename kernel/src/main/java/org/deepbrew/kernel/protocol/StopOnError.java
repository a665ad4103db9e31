package org.deepbrew.kernel.protocol;

/**
 * Jupyter's {@code stop_on_error}: when a cell fails, the execute requests already waiting
 * behind it (a "Run All", cells run in quick succession) are answered {@code aborted} instead of
 * run, as IPython does, since they most likely depend on what failed. Requests sent afterwards
 * run as usual.
 *
 * <p>"Already waiting" means: arrived before the failed cell's error was sent. So the shell
 * channel sets aside what is waiting at the moment the cell fails, before the error goes out; a
 * request a client sends once it has seen the error can never be among them.
 */
public final class StopOnError {
    private volatile Runnable setAsideWaiting = () -> {};

    /** The shell channel's way to set aside the requests waiting now (run on its own thread). */
    void onCellFailed(Runnable setAsideWaiting) {
        this.setAsideWaiting = setAsideWaiting;
    }

    /**
     * Called by the execute handler, on the shell channel's thread, when a cell that asked for
     * {@code stop_on_error} failed, and before its error is published or replied.
     */
    public void cellFailed() {
        setAsideWaiting.run();
    }
}
