package org.deepbrew.kernel.jshell;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The one thread cells run on, and how they are interrupted. An interrupt first sets the
 * thread's interrupt flag (which ends {@code Thread.sleep}, blocking queues and well-behaved
 * loops); if the cell is still running {@link #STOP_AFTER_MS} later, it is stopped with
 * {@link Thread#stop()} so that a busy loop that never looks at the flag ends too. Threads a cell
 * starts belong to the same thread group, which is how {@link ExitGuard} recognises cell code.
 */
public final class CellExecutor implements AutoCloseable {
    /** How long an interrupted cell may keep running before it is stopped by force. */
    public static final long STOP_AFTER_MS = 300;

    private final ThreadGroup group = new ThreadGroup("deepbrew-cells");
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Predicate<Thread> stopUserCode;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepbrew-interrupt-timer");
        t.setDaemon(true);
        return t;
    });
    private final Object stateLock = new Object();
    private Task<?> running;
    private volatile boolean closed;

    /**
     * @param stopUserCode stops the given thread if it is inside user code right now and says
     *     whether it did (see {@link JShellEvaluator#stopUserCode})
     */
    public CellExecutor(Predicate<Thread> stopUserCode) {
        this.stopUserCode = stopUserCode;
        this.thread = new Thread(group, this::serve, "deepbrew-cell", 64L << 20);
        thread.setDaemon(true);
        thread.start();
    }

    /** The cell thread. */
    public Thread thread() {
        return thread;
    }

    /** True for the cell thread and every thread started from cell code. */
    public boolean isCellThread(Thread t) {
        ThreadGroup g = t.getThreadGroup();
        return t == thread || (g != null && (g == group || group.parentOf(g)));
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
            if (task.interrupted || cause instanceof ThreadDeath) {
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
            thread.interrupt();
        }
        timer.schedule(() -> forceStop(task), STOP_AFTER_MS, TimeUnit.MILLISECONDS);
        return true;
    }

    private void forceStop(Task<?> task) {
        synchronized (stateLock) {
            if (running != task) {
                return;
            }
            // Never stop JShell or the kernel mid-way: only user code is stopped. Keep trying while
            // the cell runs, since user code may also swallow a stop with catch (Throwable).
            stopUserCode.test(thread);
            timer.schedule(() -> forceStop(task), 100, TimeUnit.MILLISECONDS);
        }
    }

    private void serve() {
        while (!closed) {
            Task<?> task = null;
            try {
                task = queue.take();
                task.runHere();
            } catch (Throwable t) {
                // A stop that landed outside the task body, or an interrupt between cells.
                if (task != null) {
                    task.result.completeExceptionally(t);
                }
            } finally {
                synchronized (stateLock) {
                    running = null;
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
        timer.shutdown();
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
