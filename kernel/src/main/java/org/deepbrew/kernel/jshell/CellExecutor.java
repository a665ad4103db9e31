package org.deepbrew.kernel.jshell;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread cells run on, and how they are interrupted. An interrupt sets the thread's
 * interrupt flag (which ends {@code Thread.sleep}, blocking queues and library loops that look at
 * it) and arms {@link CellGuards}, which cell code checks on every loop turn, so a busy loop in a
 * cell ends too. Code outside cells (a library call) is never stopped by force: it ends when it
 * next looks at the interrupt flag.
 */
public final class CellExecutor implements AutoCloseable {
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object stateLock = new Object();
    private Task<?> running;
    private volatile boolean closed;

    public CellExecutor() {
        this.thread = new Thread(null, this::serve, "deepbrew-cell", 64L << 20);
        thread.setDaemon(true);
        thread.start();
    }

    /** The cell thread. */
    public Thread thread() {
        return thread;
    }

    /**
     * Runs {@code work} on the cell thread after the work queued before it, and waits for it.
     *
     * @throws EvaluationException of kind {@code INTERRUPTED} when the cell was interrupted and
     *     did not finish normally
     * @throws Exception whatever {@code work} threw
     */
    public <T> T run(Callable<T> work) throws Exception {
        Task<T> task = enqueue(work);
        try {
            return task.result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (task.interrupted || cause instanceof CellGuards.CellInterrupted) {
                throw EvaluationException.interrupted();
            }
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new ExecutionException("The cell failed with " + cause, cause);
        }
    }

    /**
     * Queues {@code work} for the cell thread without waiting (the kernel's warm-up uses this).
     */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        return enqueue(work).result;
    }

    private <T> Task<T> enqueue(Callable<T> work) {
        if (closed) {
            throw new IllegalStateException("The kernel is shutting down; the cell was not run.");
        }
        Task<T> task = new Task<>(work);
        queue.add(task);
        return task;
    }

    /**
     * Interrupts the cell running now, if any.
     *
     * @return false when no cell was running
     */
    public boolean interrupt() {
        Task<?> task;
        synchronized (stateLock) {
            task = running;
            if (task == null) {
                return false;
            }
            task.interrupted = true;
            CellGuards.interrupt(thread);
            thread.interrupt();
        }
        return true;
    }

    private void serve() {
        while (!closed) {
            Task<?> task = null;
            try {
                task = queue.take();
                task.runHere();
            } catch (Throwable t) {
                // An interrupt between cells.
                if (task != null) {
                    task.result.completeExceptionally(t);
                }
            } finally {
                synchronized (stateLock) {
                    running = null;
                    CellGuards.clear();
                    Thread.interrupted(); // an interrupt meant for the finished cell must not hit the next
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        interrupt();
        thread.interrupt();
    }

    private final class Task<T> {
        final Callable<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile boolean interrupted;

        Task(Callable<T> work) {
            this.work = work;
        }

        void runHere() {
            synchronized (stateLock) {
                running = this;
                Thread.interrupted();
            }
            T value = null;
            Throwable failure = null;
            try {
                value = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            // No longer interruptible before anyone learns the cell is over.
            synchronized (stateLock) {
                running = null;
                CellGuards.clear();
                Thread.interrupted();
            }
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        }
    }
}
