package org.deepbrew.deploy.serve;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients hammering a prediction endpoint: {@code clients} threads share one
 * {@link HttpClient} (HTTP/1.1, so each thread keeps its own connection) and send, one after the
 * other, either a fixed count of requests or as many as fit in a duration.
 *
 * <pre>{@code
 * LoadReport report = LoadGenerator.builder()
 *         .url(server.predictionsUrl("sentiment")).texts(sentences)
 *         .clients(4).requests(1_000).build().run();
 * }</pre>
 *
 * <p>Request {@code i} posts {@code {"text": texts[i % texts.size()]}}. In malformed mode
 * ({@link Builder#malformed(long)}) each request is instead a bad one (garbage, wrong JSON, empty or
 * huge text, wrong path, method or content type) and the report counts answers other than the
 * 4xx each calls for.
 */
public final class LoadGenerator {
    /** Told of every answer to a real-text request, from the client threads (so it must be thread-safe). */
    @FunctionalInterface
    public interface ResponseListener {
        /** Request {@code index} (text {@code index % texts.size()}) was answered {@code status} with {@code body}. */
        void answered(long index, int status, String body);
    }

    private final Builder b;

    private LoadGenerator(Builder b) {
        this.b = b;
    }

    /** A builder; {@link Builder#url} and, unless malformed, {@link Builder#texts} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sends the load and waits for every answer. */
    public LoadReport run() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.timeout).build();
        ExecutorService pool = Executors.newFixedThreadPool(b.clients, r -> {
            Thread t = new Thread(r, "deepbrew-load-client");
            t.setDaemon(true);
            return t;
        });
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = b.duration == null ? Long.MAX_VALUE : start + b.duration.toNanos();
        List<Future<Client>> running = new ArrayList<>();
        for (int c = 0; c < b.clients; c++) {
            Client worker = new Client(client, new Random(b.seed + 7919L * c));
            running.add(pool.submit(() -> worker.run(next, end)));
        }
        List<Client> done = new ArrayList<>();
        try {
            for (Future<Client> f : running) {
                done.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load test interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load client crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return merge(done, seconds);
    }

    private LoadReport merge(List<Client> clients, double seconds) {
        Map<Integer, Long> statuses = new HashMap<>();
        long requests = 0;
        long failures = 0;
        long unexpected = 0;
        String firstFailure = null;
        int latencies = 0;
        for (Client c : clients) {
            requests += c.sent;
            failures += c.failures;
            unexpected += c.unexpected;
            latencies += c.latencyCount;
            if (firstFailure == null) {
                firstFailure = c.firstFailure;
            }
            c.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        }
        long[] all = new long[latencies];
        int at = 0;
        for (Client c : clients) {
            System.arraycopy(c.latencies, 0, all, at, c.latencyCount);
            at += c.latencyCount;
        }
        return new LoadReport(b.clients, requests, statuses, failures, firstFailure, unexpected, seconds, all);
    }

    /** One client thread's loop and tallies; only its own thread writes them. */
    private final class Client {
        private final HttpClient http;
        private final Random random;
        private final MalformedRequests malformed;
        private final Map<Integer, Long> statuses = new HashMap<>();
        private long[] latencies = new long[256];
        private int latencyCount;
        private long sent;
        private long failures;
        private long unexpected;
        private String firstFailure;

        Client(HttpClient http, Random random) {
            this.http = http;
            this.random = random;
            this.malformed = b.malformed ? new MalformedRequests(b.url, b.timeout) : null;
        }

        Client run(AtomicLong next, long endNanos) {
            while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
                long i = next.getAndIncrement();
                if (b.duration == null && i >= b.requests) {
                    break;
                }
                send(i);
            }
            return this;
        }

        private void send(long i) {
            HttpRequest request;
            int expected;
            if (malformed != null) {
                MalformedRequests.Malformed m = malformed.next(random);
                request = m.request();
                expected = m.expectedStatus();
            } else {
                JsonObject body = new JsonObject();
                body.addProperty("text", b.texts.get((int) (i % b.texts.size())));
                request = HttpRequest.newBuilder(b.url).timeout(b.timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                expected = -1;
            }
            sent++;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                record(System.nanoTime() - t0);
                int status = response.statusCode();
                statuses.merge(status, 1L, Long::sum);
                boolean asExpected = expected >= 0 ? status == expected : status == 200 || status == 503;
                if (!asExpected) {
                    unexpected++;
                }
                if (expected < 0 && b.listener != null) {
                    b.listener.answered(i, status, response.body());
                }
            } catch (IOException e) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures++;
            }
        }

        private void record(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }

    /** Settings of a {@link LoadGenerator}. */
    public static final class Builder {
        private URI url;
        private List<String> texts = List.of();
        private int clients = 4;
        private long requests = 1_000;
        private Duration duration;
        private Duration timeout = Duration.ofSeconds(30);
        private boolean malformed;
        private long seed = 42;
        private ResponseListener listener;

        private Builder() {}

        /** The prediction endpoint, such as {@code server.predictionsUrl("sentiment")}. */
        public Builder url(URI predictionsUrl) {
            if (predictionsUrl == null || !"http".equals(predictionsUrl.getScheme())) {
                throw new IllegalArgumentException("url must be an http:// prediction endpoint, not " + predictionsUrl);
            }
            this.url = predictionsUrl;
            return this;
        }

        /** The texts to send, in turn; at least one. */
        public Builder texts(List<String> texts) {
            if (texts == null || texts.isEmpty()) {
                throw new IllegalArgumentException("texts is empty: give the load generator something to send");
            }
            this.texts = List.copyOf(texts);
            return this;
        }

        /** Concurrent clients, each with one request in flight at a time (4 unless changed). */
        public Builder clients(int clients) {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be at least 1, not " + clients);
            }
            this.clients = clients;
            return this;
        }

        /** Sends exactly this many requests in all (1,000 unless changed). */
        public Builder requests(long requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1, not " + requests);
            }
            this.requests = requests;
            this.duration = null;
            return this;
        }

        /** Sends requests until {@code duration} has passed, instead of a fixed count. */
        public Builder duration(Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive, not " + duration);
            }
            this.duration = duration;
            return this;
        }

        /** How long one request may take before it counts as a failure (30 s unless changed). */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sends only malformed requests, drawn from {@code seed}; {@link LoadReport#unexpected()} counts wrong answers. */
        public Builder malformed(long seed) {
            this.malformed = true;
            this.seed = seed;
            return this;
        }

        /** Called with each real-text answer, for example to score the served predictions. */
        public Builder onResponse(ResponseListener listener) {
            this.listener = listener;
            return this;
        }

        /** The generator; {@link LoadGenerator#run()} sends the load. */
        public LoadGenerator build() {
            if (url == null) {
                throw new IllegalStateException("no url: call url(server.predictionsUrl(model))");
            }
            if (!malformed && texts.isEmpty()) {
                throw new IllegalStateException("no texts: call texts(...) or malformed(seed)");
            }
            Builder copy = new Builder();
            copy.url = url;
            copy.texts = texts;
            copy.clients = clients;
            copy.requests = requests;
            copy.duration = duration;
            copy.timeout = timeout;
            copy.malformed = malformed;
            copy.seed = seed;
            copy.listener = listener;
            return new LoadGenerator(copy);
        }
    }
}
