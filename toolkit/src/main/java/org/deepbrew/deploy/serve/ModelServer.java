package org.deepbrew.deploy.serve;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.deepbrew.deploy.TextModel;

/**
 * An HTTP endpoint for {@link TextModel}s, in the spirit of TorchServe and DJL Serving, on the JDK's
 * own {@code com.sun.net.httpserver}.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.builder().model(TextModel.of("sentiment", classifier)).build().start()) {
 *     // POST server.url() + "/predictions/sentiment" with {"text": "What a film!"}
 * }
 * }</pre>
 *
 * <p>Endpoints, all answering JSON:
 * <ul>
 *   <li>{@code GET /ping}: {@code {"status": "healthy"}} (503 {@code "stopping"} during a stop).</li>
 *   <li>{@code GET /models}: each model's name, classes, limits and serving counts.</li>
 *   <li>{@code POST /predictions/{model}} with {@code Content-Type: application/json} and
 *       {@code {"text": "..."}}: {@code {"model": ..., "label": ..., "probabilities": {class: p, ...}}};
 *       with {@code {"texts": ["...", ...]}}: {@code {"model": ..., "predictions": [{"label": ...,
 *       "probabilities": ...}, ...]}} in the order sent.</li>
 * </ul>
 * Refusals are {@code {"error": message, "status": code}}: 400 for a body that is not JSON, lacks
 * {@code text}/{@code texts} or holds an empty text; 404 for an unknown path or model; 405 for a wrong
 * method (with {@code Allow}); 413 for a text over {@code maxTextChars}, more texts than
 * {@code maxBatchSize} or a body too large; 415 for a content type other than JSON; 503 with
 * {@code Retry-After} when the model's queue is full or the server is stopping; 500 when the model
 * throws, after which the server goes on serving.
 *
 * <p>Each model has one worker thread that batches: it collects up to {@code maxBatchSize} queued
 * texts, waiting at most {@code maxBatchDelay} after the first, and calls the model once for all of
 * them. HTTP threads only parse and queue, so a full queue is noticed at once and answered 503
 * rather than left to time out. The server binds to 127.0.0.1 unless told otherwise and does not
 * close the models it serves: they belong to the caller.
 */
public final class ModelServer implements AutoCloseable {
    private static final Gson GSON = new Gson();
    private static final String PREDICTIONS = "/predictions/";
    /** The JDK server's switch for TCP_NODELAY on its connections; it reads it once, at its first use. */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // Without TCP_NODELAY a response's header and body writes meet the client's delayed ACK (Nagle):
        // about 45 ms added to every request. A constant model behind this server, 4 clients: 83 req/s
        // (p50 48 ms) without, about 900 (p50 3 ms) with. Someone who set the property keeps their choice.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final Builder settings;
    private final Map<String, BatchingWorker> workers = new LinkedHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger openExchanges = new AtomicInteger();
    private final int maxBodyBytes;
    private HttpServer http;
    private ExecutorService handlers;

    private ModelServer(Builder b) {
        this.settings = b;
        for (TextModel m : b.models) {
            workers.put(m.name(), new BatchingWorker(m, b.maxBatchSize, b.maxBatchDelay, b.queueCapacity));
        }
        // Worst case a text is all \\uXXXX escapes: six bytes per character, plus room for the JSON around it.
        long bytes = 6L * b.maxTextChars * b.maxBatchSize + 4096;
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8, bytes);
    }

    /** A builder; at least one {@link Builder#model} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts the workers; returns this server for chaining. */
    public ModelServer start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the server is already started");
        }
        try {
            http = HttpServer.create(new InetSocketAddress(settings.host, settings.port), settings.backlog);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + settings.host + ":" + settings.port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        handlers = new ThreadPoolExecutor(settings.handlerThreads, settings.handlerThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "deepbrew-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        workers.values().forEach(BatchingWorker::start);
        http.start();
        return this;
    }

    /** The port listened on: the one chosen by the system when the builder asked for port 0. */
    public int port() {
        requireStarted();
        return http.getAddress().getPort();
    }

    /** The address listened on. */
    public InetSocketAddress address() {
        requireStarted();
        return http.getAddress();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public URI url() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return URI.create("http://" + host + ":" + port());
    }

    /** Where predictions of {@code model} are posted: {@code url()/predictions/model}. */
    public URI predictionsUrl(String model) {
        if (!workers.containsKey(model)) {
            throw new IllegalArgumentException("no model named '" + model + "'; served: " + workers.keySet());
        }
        return URI.create(url() + PREDICTIONS + model);
    }

    /** The names of the models served. */
    public List<String> models() {
        return List.copyOf(workers.keySet());
    }

    /** Serving counts of {@code model}: requests, batches, mean batch size, refusals. */
    public ModelStats stats(String model) {
        BatchingWorker w = workers.get(model);
        if (w == null) {
            throw new IllegalArgumentException("no model named '" + model + "'; served: " + workers.keySet());
        }
        return w.stats();
    }

    /**
     * Stops gracefully: new predictions are answered 503 at once, those already queued are computed
     * and answered for up to {@code grace}; whatever is left then is answered 503, and the port is closed.
     */
    public void stop(Duration grace) {
        if (!started.get() || !stopping.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (outstanding() > 0 && System.nanoTime() < deadline && pause()) {
            // computing what was queued before the stop
        }
        HttpError late = HttpError.unavailable("the server stopped before this request was answered", 1);
        workers.values().forEach(w -> w.stop(late));
        // Let the last answers (and the 503s of the late) reach their clients before closing connections.
        long flush = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (openExchanges.get() > 0 && System.nanoTime() < flush && pause()) {
            // writing the last answers
        }
        http.stop(0);
        handlers.shutdown();
        try {
            handlers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop(Duration)} with a five-second grace. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private int outstanding() {
        int sum = 0;
        for (BatchingWorker w : workers.values()) {
            sum += w.outstanding();
        }
        return sum;
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange exchange) {
        openExchanges.incrementAndGet();
        try {
            route(exchange);
        } catch (HttpError e) {
            sendError(exchange, e);
        } catch (RuntimeException | Error e) {
            sendError(exchange, new HttpError(500, "internal error: " + describe(e)));
        }
    }

    private void route(HttpExchange exchange) throws HttpError {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/ping")) {
            requireMethod(method, "GET");
            JsonObject body = new JsonObject();
            body.addProperty("status", stopping.get() ? "stopping" : "healthy");
            send(exchange, stopping.get() ? 503 : 200, body, Map.of());
        } else if (path.equals("/models")) {
            requireMethod(method, "GET");
            send(exchange, 200, modelList(), Map.of());
        } else if (path.startsWith(PREDICTIONS)) {
            predict(exchange, path.substring(PREDICTIONS.length()), method);
        } else {
            throw HttpError.notFound("no endpoint " + path + "; try GET /ping, GET /models or POST /predictions/{model}");
        }
    }

    private void predict(HttpExchange exchange, String name, String method) throws HttpError {
        BatchingWorker worker = workers.get(name);
        if (worker == null) {
            throw HttpError.notFound(name.isEmpty()
                    ? "name the model: POST /predictions/{model}; served: " + workers.keySet()
                    : "no model named '" + name + "'; served: " + workers.keySet());
        }
        requireMethod(method, "POST");
        requireJson(exchange.getRequestHeaders().getFirst("Content-Type"));
        PredictionRequest request = PredictionRequest.parse(readBody(exchange), settings.maxTextChars,
                settings.maxBatchSize);
        if (stopping.get()) {
            throw HttpError.unavailable("the server is stopping", 1);
        }
        CompletableFuture<float[][]> answer = worker.submit(request.texts());
        if (answer == null) {
            throw HttpError.unavailable("model '" + name + "' has " + settings.queueCapacity
                    + " requests queued; try again shortly", 1);
        }
        // Answer from a handler thread, not the model's worker, so the worker goes straight to its next batch.
        answer.orTimeout(settings.requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((rows, error) -> {
                    if (error == null) {
                        send(exchange, 200, predictions(worker.model(), request, rows), Map.of());
                    } else {
                        sendError(exchange, modelError(name, error));
                    }
                }, this::runOnHandler);
    }

    private void runOnHandler(Runnable task) {
        try {
            handlers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // stopping: the pool is shut, answer on the calling thread rather than drop the reply
        }
    }

    private HttpError modelError(String name, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpError http) {
            return http;
        }
        if (cause instanceof TimeoutException) {
            return HttpError.unavailable("model '" + name + "' did not answer within "
                    + settings.requestTimeout.toMillis() + " ms", 1);
        }
        return new HttpError(500, "model '" + name + "' failed: " + describe(cause));
    }

    private static void requireMethod(String method, String allowed) throws HttpError {
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " is not allowed here; use " + allowed, Map.of("Allow", allowed));
        }
    }

    private static void requireJson(String contentType) throws HttpError {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new HttpError(415, contentType == null
                    ? "missing Content-Type; send application/json"
                    : "Content-Type " + contentType + " is not supported; send application/json");
        }
    }

    private byte[] readBody(HttpExchange exchange) throws HttpError {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw HttpError.tooLarge("the body has " + declared.trim() + " bytes; at most " + maxBodyBytes);
                }
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Content-Length '" + declared + "' is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw HttpError.tooLarge("the body has more than " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw HttpError.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    private JsonObject modelList() {
        JsonArray list = new JsonArray();
        for (BatchingWorker w : workers.values()) {
            ModelStats s = w.stats();
            JsonObject m = new JsonObject();
            m.addProperty("name", s.model());
            JsonArray classes = new JsonArray();
            w.model().classNames().forEach(classes::add);
            m.add("classes", classes);
            m.addProperty("maxLength", w.model().maxLength());
            m.addProperty("maxBatchSize", settings.maxBatchSize);
            m.addProperty("maxBatchDelayMs", settings.maxBatchDelay.toNanos() / 1e6);
            m.addProperty("queueCapacity", settings.queueCapacity);
            m.addProperty("queued", s.queued());
            m.addProperty("requests", s.requests());
            m.addProperty("batches", s.batches());
            m.addProperty("meanBatchSize", s.meanBatchSize());
            m.addProperty("refused", s.refused());
            list.add(m);
        }
        JsonObject body = new JsonObject();
        body.add("models", list);
        return body;
    }

    private static JsonObject predictions(TextModel model, PredictionRequest request, float[][] rows) {
        JsonObject body = new JsonObject();
        body.addProperty("model", model.name());
        if (request.single()) {
            addPrediction(body, model.classNames(), rows[0]);
        } else {
            JsonArray list = new JsonArray();
            for (float[] row : rows) {
                JsonObject p = new JsonObject();
                addPrediction(p, model.classNames(), row);
                list.add(p);
            }
            body.add("predictions", list);
        }
        return body;
    }

    private static void addPrediction(JsonObject into, List<String> classes, float[] row) {
        int best = 0;
        JsonObject probabilities = new JsonObject();
        for (int k = 0; k < row.length; k++) {
            probabilities.addProperty(classes.get(k), row[k]);
            if (row[k] > row[best]) {
                best = k;
            }
        }
        into.addProperty("label", classes.get(best));
        into.add("probabilities", probabilities);
    }

    private void sendError(HttpExchange exchange, HttpError error) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error.getMessage());
        body.addProperty("status", error.status());
        send(exchange, error.status(), body, error.headers());
    }

    private void send(HttpExchange exchange, int status, JsonObject body, Map<String, String> headers) {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        try {
            drain(exchange);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away; nothing to answer to.
        } finally {
            exchange.close();
            openExchanges.decrementAndGet();
        }
    }

    /**
     * Reads what is left of the request body (one refused before reading it, such as a 413), so the
     * client, still sending, is not reset before it reads the answer; beyond 64 MiB it is cut off.
     */
    private static void drain(HttpExchange exchange) {
        byte[] sink = new byte[64 * 1024];
        long left = 64L << 20;
        try {
            InputStream in = exchange.getRequestBody();
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // Already read and closed, or the client stopped sending: nothing left to drain.
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void requireStarted() {
        if (http == null) {
            throw new IllegalStateException("the server is not started; call start()");
        }
    }

    /** Sleeps briefly; false when interrupted (the flag is kept), so a waiting loop gives up. */
    private static boolean pause() {
        try {
            Thread.sleep(5);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Settings of a {@link ModelServer}; defaults suit one CPU model on a small machine. */
    public static final class Builder {
        private final List<TextModel> models = new ArrayList<>();
        private String host = "127.0.0.1";
        private int port = 8080;
        private int backlog = 128;
        private int maxBatchSize = 8;
        private Duration maxBatchDelay = Duration.ofMillis(5);
        private int queueCapacity = 64;
        private int maxTextChars = 5_000;
        private int handlerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Serves {@code model} under {@code model.name()}; names must be unique. */
        public Builder model(TextModel... model) {
            for (TextModel m : model) {
                if (m == null) {
                    throw new IllegalArgumentException("model is null");
                }
                if (m.name() == null || !m.name().matches("[A-Za-z0-9._-]+")) {
                    throw new IllegalArgumentException("model name '" + m.name()
                            + "' must be letters, digits, '.', '_' or '-' so it fits in a URL path");
                }
                if (models.stream().anyMatch(x -> x.name().equals(m.name()))) {
                    throw new IllegalArgumentException("two models named '" + m.name() + "'");
                }
                models.add(m);
            }
            return this;
        }

        /** Serves every model of {@code models}. */
        public Builder models(Collection<? extends TextModel> models) {
            return model(models.toArray(TextModel[]::new));
        }

        /** The interface to bind; 127.0.0.1 (this machine only) unless changed, {@code 0.0.0.0} for all. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host is empty");
            }
            this.host = host;
            return this;
        }

        /** The port, 8080 unless changed; 0 lets the system pick a free one ({@link ModelServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The most texts per model call (8 unless changed); also the most texts one request may carry. */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = positive("maxBatchSize", maxBatchSize);
            return this;
        }

        /** How long a worker waits after a batch's first request for more (5 ms unless changed; 0 never waits). */
        public Builder maxBatchDelay(Duration maxBatchDelay) {
            if (maxBatchDelay == null || maxBatchDelay.isNegative()) {
                throw new IllegalArgumentException("maxBatchDelay must be zero or positive, not " + maxBatchDelay);
            }
            this.maxBatchDelay = maxBatchDelay;
            return this;
        }

        /** Requests each model may hold waiting (64 unless changed); beyond it requests are answered 503. */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = positive("queueCapacity", queueCapacity);
            return this;
        }

        /** The longest text accepted, in characters (5,000 unless changed); longer ones are answered 413. */
        public Builder maxTextChars(int maxTextChars) {
            this.maxTextChars = positive("maxTextChars", maxTextChars);
            return this;
        }

        /** Threads that parse requests and write answers (twice the cores, at least 4, unless changed). */
        public Builder handlerThreads(int handlerThreads) {
            this.handlerThreads = positive("handlerThreads", handlerThreads);
            return this;
        }

        /** How long a request may wait for its model before a 503 (30 s unless changed). */
        public Builder requestTimeout(Duration requestTimeout) {
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, not " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** A server with these settings, not yet listening: call {@link ModelServer#start()}. */
        public ModelServer build() {
            if (models.isEmpty()) {
                throw new IllegalStateException("no model to serve: call model(...) before build()");
            }
            Builder copy = new Builder();
            copy.models.addAll(models);
            copy.host = host;
            copy.port = port;
            copy.backlog = backlog;
            copy.maxBatchSize = maxBatchSize;
            copy.maxBatchDelay = maxBatchDelay;
            copy.queueCapacity = queueCapacity;
            copy.maxTextChars = maxTextChars;
            copy.handlerThreads = handlerThreads;
            copy.requestTimeout = requestTimeout;
            return new ModelServer(copy);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
            return value;
        }
    }
}
