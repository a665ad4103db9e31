package org.deepbrew.deploy.serve;

import com.google.gson.JsonParser;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.deploy.TextModel;

/**
 * A load test that also scores the answers: concurrent clients send labelled test sentences to a
 * served model, and the test keeps what each sentence was answered, so accuracy is measured on what
 * the server returned, not on a side call to the model.
 *
 * <pre>{@code
 * LoadTest.Result r = LoadTest.builder().test(test).clients(4).requests(600).build().run(server, model);
 * r.accuracy(); r.load().p99Ms(); r.stats().meanBatchSize();
 * }</pre>
 *
 * <p>Request {@code i} sends test sentence {@code i % test.size()}; the first pass over the sentences
 * is scored. A short warm-up load runs first and is not measured (JIT, native kernels for the batch
 * shapes, connections).
 */
public final class LoadTest {
    private final List<LabeledText> test;
    private final int clients;
    private final long requests;
    private final int warmup;

    private LoadTest(Builder b) {
        this.test = List.copyOf(b.test);
        this.clients = b.clients;
        this.requests = Math.max(b.requests, test.size());
        this.warmup = b.warmup;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What one load test measured.
     *
     * @param load      latencies, status counts and throughput of the measured load
     * @param stats     what the server counted during the measured load (batches, refusals)
     * @param labels    class index the server answered for each test sentence, -1 where it did not answer 200
     * @param accuracy  share of test sentences answered with their true label; NaN unless all were answered
     */
    public record Result(LoadReport load, ModelStats stats, int[] labels, double accuracy) {
        /** Test sentences answered 200 in the scored pass. */
        public long scored() {
            return Arrays.stream(labels).filter(l -> l >= 0).count();
        }
    }

    /** Loads {@code served}, as {@code server} publishes it under its name, and scores the answers. */
    public Result run(ModelServer server, TextModel served) {
        String model = served.name();
        URI url = server.predictionsUrl(model);
        List<String> texts = test.stream().map(LabeledText::text).toList();
        List<String> classes = served.classNames();
        if (warmup > 0) {
            LoadGenerator.builder().url(url).texts(texts).clients(clients).requests(Math.min(warmup, texts.size()))
                    .build().run();
        }
        ModelStats before = server.stats(model);
        int[] labels = new int[test.size()];
        Arrays.fill(labels, -1);
        LoadReport load = LoadGenerator.builder().url(url).texts(texts).clients(clients).requests(requests)
                .onResponse((i, status, body) -> {
                    if (status == 200 && i < labels.length) {
                        String label = JsonParser.parseString(body).getAsJsonObject().get("label").getAsString();
                        labels[(int) i] = classes.indexOf(label); // each index is written by one client only
                    }
                }).build().run();
        ModelStats after = server.stats(model);
        ModelStats measured = new ModelStats(model, after.requests() - before.requests(),
                after.texts() - before.texts(), after.batches() - before.batches(), after.largestBatch(),
                after.refused() - before.refused(), after.failedBatches() - before.failedBatches(), after.queued());
        int correct = 0;
        boolean complete = true;
        for (int i = 0; i < labels.length; i++) {
            complete &= labels[i] >= 0;
            correct += labels[i] == test.get(i).label() ? 1 : 0;
        }
        return new Result(load, measured, labels, complete ? correct / (double) labels.length : Double.NaN);
    }

    /** Settings of a {@link LoadTest}; {@link #test} is required. */
    public static final class Builder {
        private List<LabeledText> test;
        private int clients = 4;
        private long requests;
        private int warmup = 64;

        private Builder() {}

        /** The labelled sentences sent and scored. */
        public Builder test(List<LabeledText> test) {
            if (test == null || test.isEmpty()) {
                throw new IllegalArgumentException("a load test needs at least one test sentence");
            }
            this.test = test;
            return this;
        }

        /** Concurrent clients, each waiting for its answer before sending again (4). */
        public Builder clients(int clients) {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be at least 1, got " + clients);
            }
            this.clients = clients;
            return this;
        }

        /** Requests in the measured load; at least one pass over the test sentences (the default: one pass). */
        public Builder requests(long requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("requests must not be negative, got " + requests);
            }
            this.requests = requests;
            return this;
        }

        /** Unmeasured requests sent first (64; at most one pass; 0 for none). */
        public Builder warmup(int warmup) {
            if (warmup < 0) {
                throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
            }
            this.warmup = warmup;
            return this;
        }

        public LoadTest build() {
            if (test == null) {
                throw new IllegalStateException("call test(sentences) first");
            }
            return new LoadTest(this);
        }
    }
}
