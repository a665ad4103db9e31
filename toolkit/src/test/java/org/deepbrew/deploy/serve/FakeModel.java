package org.deepbrew.deploy.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deepbrew.deploy.TextModel;

/**
 * A model for server tests: P(positive) is read from the text ("p=0.73 ..."), so every answer can
 * be traced to its own request; it records batch sizes, can sleep per call, can hold every call
 * until released, and throws on any text containing "boom".
 */
class FakeModel implements TextModel {
    private final String name;
    private final long sleepMillis;
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch gate;
    private final CountDownLatch firstCall = new CountDownLatch(1);

    FakeModel(String name, long sleepMillis) {
        this.name = name;
        this.sleepMillis = sleepMillis;
    }

    /** Holds every call until {@link #release()}. */
    FakeModel hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    boolean awaitFirstCall() throws InterruptedException {
        return firstCall.await(10, TimeUnit.SECONDS);
    }

    List<Integer> batchSizes() {
        synchronized (batchSizes) {
            return List.copyOf(batchSizes);
        }
    }

    static String text(double p) {
        return String.format(java.util.Locale.ROOT, "p=%.2f a review", p);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return List.of("negative", "positive");
    }

    @Override
    public int maxLength() {
        return 32;
    }

    @Override
    public float[][] probabilities(List<String> texts) {
        batchSizes.add(texts.size());
        firstCall.countDown();
        try {
            CountDownLatch g = gate;
            if (g != null) {
                g.await();
            }
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t.contains("boom")) {
                throw new IllegalStateException("the fake model cannot read '" + t + "'");
            }
            float p = t.startsWith("p=") ? Float.parseFloat(t.substring(2, 6)) : 0.5f;
            out[i] = new float[] {1 - p, p};
        }
        return out;
    }
}
