package org.deepbrew.engine;

import java.lang.ref.Cleaner;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Frees the native memory of objects a notebook dropped without closing (a cell run again assigns
 * a new data set to the same variable), on a thread that may call the engine. The garbage
 * collector notices the drop on its cleaner thread, but that thread must not free engine arrays
 * itself: MXNet's naive engine, the launcher's choice on CPUs, runs every engine call on the
 * calling thread and is not safe to enter from two threads at once. So the cleaner only queues the
 * resource, and the toolkit frees the queue where it is about to use the engine anyway (a new data
 * set, a training run) or when something is closed explicitly.
 *
 * <p>DJL frees a dropped {@code Model} in its finalizer, on the finalizer thread;
 * {@link #releaseDropped()} runs those finalizers while the calling thread waits, so a training
 * run starts with them done rather than racing it.
 *
 * <pre>{@code
 * this.release = EngineTuning.of(manager).freeWhenUnreachable(this, manager); // in a constructor
 * release.clean();                                              // in close(): frees now
 * }</pre>
 */
final class DeferredRelease {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Queue<AutoCloseable> PENDING = new ConcurrentLinkedQueue<>();

    private DeferredRelease() {}

    /**
     * Registers {@code resource} to be freed once {@code owner} is unreachable. The resource must
     * not refer to the owner, or the owner never becomes unreachable. Calling {@code clean()} on
     * the result frees the resource at once, on the calling thread.
     */
    static Cleaner.Cleanable whenUnreachable(Object owner, AutoCloseable resource) {
        Cleaner.Cleanable queued = CLEANER.register(owner, () -> PENDING.add(resource));
        return () -> {
            queued.clean(); // queues it, unless already queued or freed
            releasePending();
        };
    }

    /** Queues {@code resource} to be freed by the next {@link #releasePending()}. */
    static void queue(AutoCloseable resource) {
        PENDING.add(resource);
    }

    /**
     * Collects garbage, waits for the finalizers it queues, then frees the queue: everything the
     * notebook has dropped so far is freed before the caller goes on. A full collection takes a
     * few tens of milliseconds; call it before long work such as a training run.
     */
    static void releaseDropped() {
        // Twice: the references one collection finds reach the finalizer queue on another thread,
        // so the first wait can come too early; the second collection and wait pick them up.
        for (int round = 0; round < 2; round++) {
            System.gc();
            System.runFinalization();
        }
        releasePending();
    }

    /** Frees everything queued so far; call only from a thread that may use the engine. */
    static void releasePending() {
        for (AutoCloseable r = PENDING.poll(); r != null; r = PENDING.poll()) {
            try {
                r.close();
            } catch (Exception e) {
                // Freeing memory that is already gone fails harmlessly; nothing else can be done.
            }
        }
    }
}
