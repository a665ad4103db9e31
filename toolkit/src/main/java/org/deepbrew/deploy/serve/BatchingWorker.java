package org.deepbrew.deploy.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.deepbrew.deploy.TextModel;

/**
 * One model's queue and the one thread that serves it: it takes up to {@code maxBatchSize} texts
 * of queued requests, waiting at most {@code maxBatchDelay} after the first for more to arrive,
 * calls {@link TextModel#probabilities} once and completes each request with its own rows.
 *
 * <p>The queue is bounded: {@link #submit} refuses (returns null) rather than let latency grow
 * without limit, which the server answers with 503.
 */
final class BatchingWorker {
    /** A queued request: its texts and where its answer goes. */
    record Pending(List<String> texts, CompletableFuture<float[][]> answer) {}

    private final TextModel model;
    private final int maxBatchSize;
    private final long maxBatchDelayNanos;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile boolean running = true;
    /** A request taken from the queue that did not fit the last batch; only the worker thread touches it. */
    private Pending carried;

    BatchingWorker(TextModel model, int maxBatchSize, Duration maxBatchDelay, int queueCapacity) {
        this.model = model;
        this.maxBatchSize = maxBatchSize;
        this.maxBatchDelayNanos = maxBatchDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::loop, "deepbrew-serve-" + model.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    TextModel model() {
        return model;
    }

    /** Queues {@code texts}; null when the queue is full. */
    CompletableFuture<float[][]> submit(List<String> texts) {
        Pending p = new Pending(texts, new CompletableFuture<>());
        outstanding.incrementAndGet();
        if (!queue.offer(p)) {
            outstanding.decrementAndGet();
            refused.incrementAndGet();
            return null;
        }
        requests.incrementAndGet();
        return p.answer();
    }

    /** Requests queued or being computed. */
    int outstanding() {
        return outstanding.get();
    }

    ModelStats stats() {
        return new ModelStats(model.name(), requests.get(), texts.get(), batches.get(), (int) largestBatch.get(),
                refused.get(), failedBatches.get(), queue.size());
    }

    /** Stops the thread after the batch in hand and fails whatever is still queued with {@code reason}. */
    void stop(Throwable reason) {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        if (carried != null) {
            left.add(carried); // safe to read: the worker thread has ended
            carried = null;
        }
        queue.drainTo(left);
        for (Pending p : left) {
            outstanding.decrementAndGet();
            p.answer().completeExceptionally(reason);
        }
    }

    private void loop() {
        while (running) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                break;
            }
            if (!batch.isEmpty()) {
                run(batch);
            }
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
        carried = null;
        List<Pending> batch = new ArrayList<>();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int size = first.texts().size();
        long deadline = System.nanoTime() + maxBatchDelayNanos;
        while (size < maxBatchSize) {
            long wait = deadline - System.nanoTime();
            Pending next;
            try {
                next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            } catch (InterruptedException e) {
                break; // stopping: answer what is in hand rather than drop it
            }
            if (next == null) {
                break;
            }
            if (size + next.texts().size() > maxBatchSize) {
                carried = next;
                break;
            }
            batch.add(next);
            size += next.texts().size();
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        List<String> all = new ArrayList<>();
        for (Pending p : batch) {
            all.addAll(p.texts());
        }
        batches.incrementAndGet();
        texts.addAndGet(all.size());
        largestBatch.accumulateAndGet(all.size(), Math::max);
        try {
            float[][] rows = model.probabilities(all);
            check(rows, all.size());
            int from = 0;
            for (Pending p : batch) {
                int n = p.texts().size();
                float[][] mine = new float[n][];
                System.arraycopy(rows, from, mine, 0, n);
                from += n;
                finish(p, mine, null);
            }
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // The model failed on this batch; its requests get a 500 and the worker carries on.
            failedBatches.incrementAndGet();
            for (Pending p : batch) {
                finish(p, null, e);
            }
        }
    }

    private void check(float[][] rows, int texts) {
        if (rows == null || rows.length != texts) {
            throw new IllegalStateException("model '" + model.name() + "' returned "
                    + (rows == null ? "null" : rows.length + " rows") + " for " + texts + " texts");
        }
        int classes = model.classNames().size();
        for (float[] row : rows) {
            if (row == null || row.length != classes) {
                throw new IllegalStateException("model '" + model.name() + "' returned a row of "
                        + (row == null ? "null" : row.length + " probabilities") + " for " + classes + " classes");
            }
        }
    }

    private void finish(Pending p, float[][] rows, Throwable error) {
        outstanding.decrementAndGet();
        if (error == null) {
            p.answer().complete(rows);
        } else {
            p.answer().completeExceptionally(error);
        }
    }
}
