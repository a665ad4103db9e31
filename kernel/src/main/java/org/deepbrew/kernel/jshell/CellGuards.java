package org.deepbrew.kernel.jshell;

import java.time.Duration;

/**
 * What cell code calls instead of ending the JVM or ignoring an interrupt. {@link CellBytecode}
 * rewrites each class compiled from a cell before it loads: every loop's back-edge calls
 * {@link #checkInterrupt()}, {@code Thread.sleep} goes through {@link #sleep(long)}, and calls of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} land here and throw. One
 * mechanism for every JDK: {@code Thread.stop} and the security manager are gone from Java 20 and
 * 24 on.
 *
 * <p>Public because rewritten cell classes, defined by another class loader, call it.
 */
public final class CellGuards {
    /** The thread whose cell was interrupted, until that cell ends; null when none was. */
    private static volatile Thread interrupted;

    private CellGuards() {}

    /** Asks the cell running on {@code cellThread} to stop at its next loop turn or sleep. */
    static void interrupt(Thread cellThread) {
        interrupted = cellThread;
    }

    /** The cell ended: code running on its thread from now on runs undisturbed. */
    static void clear() {
        interrupted = null;
    }

    /** True when the calling thread's cell was asked to stop. */
    static boolean isInterrupted() {
        Thread t = interrupted;
        return t != null && t == Thread.currentThread();
    }

    /**
     * Called on every loop back-edge of cell code. It stays armed until the cell ends, so a loop
     * that catches the error and carries on is stopped again at its next turn.
     */
    public static void checkInterrupt() {
        if (interrupted != null && isInterrupted()) {
            throw new CellInterrupted();
        }
    }

    public static void sleep(long millis) throws InterruptedException {
        checkInterrupt();
        Thread.sleep(millis);
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        checkInterrupt();
        Thread.sleep(millis, nanos);
    }

    public static void sleep(Duration duration) throws InterruptedException {
        checkInterrupt();
        long nanos = duration.toNanos();
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static SecurityException refused(String call) {
        return new SecurityException(call + " was blocked: it would end the kernel. "
                + "To start afresh, restart the kernel from the notebook's Kernel menu.");
    }

    /**
     * Thrown into a cell that was interrupted. An {@link Error}, like the {@code ThreadDeath} it
     * replaces, so that {@code catch (Exception e)} in a cell does not swallow it.
     */
    public static final class CellInterrupted extends Error {
        private static final long serialVersionUID = 1L;

        CellInterrupted() {
            super("The cell was interrupted", null, false, false);
        }
    }
}
