package org.deepbrew.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class DeferredReleaseTest {

    @Test
    void cleanFreesAtOnceAndOnlyOnce() {
        AtomicInteger closes = new AtomicInteger();
        Object owner = new Object();
        var release = DeferredRelease.whenUnreachable(owner, closes::incrementAndGet);
        release.clean();
        assertEquals(1, closes.get());
        release.clean();
        DeferredRelease.releasePending();
        assertEquals(1, closes.get(), "freed twice");
    }

    @Test
    void anUnreachableOwnersResourceIsFreedByTheNextReleaseOnTheCallersThread() throws InterruptedException {
        AtomicInteger closes = new AtomicInteger();
        AtomicReference<Thread> closedOn = new AtomicReference<>();
        register(closes, closedOn);
        for (int i = 0; i < 100 && closes.get() == 0; i++) {
            System.gc();
            Thread.sleep(20);
            // The cleaner thread has only queued it: nothing is freed behind the training's back.
            assertEquals(0, closes.get(), "freed on the cleaner's thread");
            DeferredRelease.releasePending();
        }
        assertEquals(1, closes.get(), "the dropped owner's resource was never freed");
        assertSame(Thread.currentThread(), closedOn.get());
    }

    /** Registers a resource for an owner that is unreachable as soon as this returns. */
    private static void register(AtomicInteger closes, AtomicReference<Thread> closedOn) {
        DeferredRelease.whenUnreachable(new Object(), () -> {
            closedOn.set(Thread.currentThread());
            closes.incrementAndGet();
        });
    }
}
