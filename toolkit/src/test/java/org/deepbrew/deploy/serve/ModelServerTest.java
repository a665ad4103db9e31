package org.deepbrew.deploy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ModelServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ModelServer.Builder server(FakeModel model) {
        return ModelServer.builder().model(model).port(0);
    }

    private static HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> predict(ModelServer s, String text) throws Exception {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        return post(s.predictionsUrl("fake"), "application/json", o.toString());
    }

    private static CompletableFuture<HttpResponse<String>> predictAsync(ModelServer s, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text);
        return HTTP.sendAsync(HttpRequest.newBuilder(s.predictionsUrl("fake")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(o.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static double positive(HttpResponse<String> r) {
        return json(r).getAsJsonObject("probabilities").get("positive").getAsDouble();
    }

    @Test
    void pingModelsAndPredictionsAnswerJson() throws Exception {
        try (ModelServer s = server(new FakeModel("fake", 0)).build().start()) {
            HttpResponse<String> ping = get(URI.create(s.url() + "/ping"));
            assertEquals(200, ping.statusCode());
            assertEquals("healthy", json(ping).get("status").getAsString());
            assertTrue(ping.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

            JsonObject models = json(get(URI.create(s.url() + "/models")));
            assertEquals("fake", models.getAsJsonArray("models").get(0).getAsJsonObject().get("name").getAsString());

            HttpResponse<String> one = predict(s, FakeModel.text(0.73));
            assertEquals(200, one.statusCode());
            assertEquals("positive", json(one).get("label").getAsString());
            assertEquals(0.73, positive(one), 1e-6);
            assertEquals(0.27, json(one).getAsJsonObject("probabilities").get("negative").getAsDouble(), 1e-6);

            HttpResponse<String> many = post(s.predictionsUrl("fake"), "application/json; charset=utf-8",
                    "{\"texts\": [\"" + FakeModel.text(0.10) + "\", \"" + FakeModel.text(0.90) + "\"]}");
            assertEquals(200, many.statusCode());
            var list = json(many).getAsJsonArray("predictions");
            assertEquals(2, list.size());
            assertEquals("negative", list.get(0).getAsJsonObject().get("label").getAsString());
            assertEquals("positive", list.get(1).getAsJsonObject().get("label").getAsString());
            assertEquals(0.90, list.get(1).getAsJsonObject().getAsJsonObject("probabilities")
                    .get("positive").getAsDouble(), 1e-6);
        }
    }

    @Test
    void bindsToLoopbackByDefault() throws Exception {
        try (ModelServer s = server(new FakeModel("fake", 0)).build().start()) {
            assertTrue(s.address().getAddress().isLoopbackAddress(), s.address().toString());
            assertEquals("127.0.0.1", s.url().getHost());
            assertTrue(s.port() > 0);
        }
    }

    @Test
    void badRequestsGetTheRightStatusAndAMessage() throws Exception {
        try (ModelServer s = server(new FakeModel("fake", 0)).maxTextChars(100).maxBatchSize(4).build().start()) {
            URI p = s.predictionsUrl("fake");
            assertError(400, "not valid JSON", post(p, "application/json", "{not json"));
            assertError(400, "missing field", post(p, "application/json", "{\"txt\": \"a\"}"));
            assertError(400, "is empty", post(p, "application/json", "{\"text\": \"  \"}"));
            assertError(400, "is empty", post(p, "application/json", ""));
            assertError(400, "must be a string", post(p, "application/json", "{\"text\": 3}"));
            assertError(413, "at most 100", post(p, "application/json", "{\"text\": \"" + "x".repeat(101) + "\"}"));
            assertError(413, "at most 4", post(p, "application/json",
                    "{\"texts\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}"));
            assertError(415, "application/json", post(p, "text/plain", "{\"text\": \"a\"}"));
            assertError(404, "no-such", post(URI.create(s.url() + "/predictions/no-such"), "application/json",
                    "{\"text\": \"a\"}"));
            assertError(404, "no endpoint", get(URI.create(s.url() + "/nowhere")));
            HttpResponse<String> wrongMethod = get(p);
            assertError(405, "use POST", wrongMethod);
            assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
            // The server still answers properly after all of that.
            assertEquals(200, predict(s, FakeModel.text(0.5)).statusCode());
        }
    }

    private static void assertError(int status, String fragment, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject body = json(r);
        assertEquals(status, body.get("status").getAsInt());
        assertTrue(body.get("error").getAsString().contains(fragment), body.get("error").getAsString());
    }

    @Test
    void concurrentRequestsAreBatchedUpToTheMaximum() throws Exception {
        FakeModel model = new FakeModel("fake", 30);
        try (ModelServer s = server(model).maxBatchSize(4).maxBatchDelay(Duration.ofMillis(20)).queueCapacity(64)
                .build().start()) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(predictAsync(s, FakeModel.text(i / 20.0)));
            }
            for (int i = 0; i < 16; i++) {
                HttpResponse<String> r = answers.get(i).join();
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(i / 20.0, positive(r), 1e-6, "each request gets its own row back");
            }
            List<Integer> sizes = model.batchSizes();
            assertEquals(16, sizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(sizes.stream().allMatch(n -> n >= 1 && n <= 4), sizes.toString());
            assertTrue(sizes.stream().anyMatch(n -> n > 1), "no batching happened: " + sizes);
            assertTrue(s.stats("fake").meanBatchSize() > 1);
        }
    }

    @Test
    void aLoneRequestWaitsAtMostTheBatchDelay() throws Exception {
        FakeModel model = new FakeModel("fake", 0);
        try (ModelServer s = server(model).maxBatchSize(8).maxBatchDelay(Duration.ofMillis(200)).build().start()) {
            predict(s, FakeModel.text(0.5)); // warm the connection and the JIT
            long t0 = System.nanoTime();
            HttpResponse<String> r = predict(s, FakeModel.text(0.6));
            double ms = (System.nanoTime() - t0) / 1e6;
            assertEquals(200, r.statusCode());
            // The worker waits for company for up to the delay, then answers alone.
            assertTrue(ms >= 150, "answered in " + ms + " ms, before the batch delay ran out");
            assertTrue(ms < 200 + 800, "answered in " + ms + " ms: the wait is not bounded by the delay");
            assertEquals(List.of(1, 1), model.batchSizes());
        }
    }

    @Test
    void aFullQueueIsAnswered503WithRetryAfterAndQueuedRequestsStillComplete() throws Exception {
        FakeModel model = new FakeModel("fake", 0).hold();
        try (ModelServer s = server(model).maxBatchSize(1).maxBatchDelay(Duration.ZERO).queueCapacity(2)
                .build().start()) {
            CompletableFuture<HttpResponse<String>> inModel = predictAsync(s, FakeModel.text(0.1));
            assertTrue(model.awaitFirstCall());
            CompletableFuture<HttpResponse<String>> q1 = predictAsync(s, FakeModel.text(0.2));
            CompletableFuture<HttpResponse<String>> q2 = predictAsync(s, FakeModel.text(0.3));
            waitUntil(() -> s.stats("fake").queued() == 2);
            HttpResponse<String> shed = predict(s, FakeModel.text(0.4));
            assertError(503, "queued", shed);
            assertEquals("1", shed.headers().firstValue("Retry-After").orElse(""));
            model.release();
            assertEquals(0.1, positive(inModel.join()), 1e-6);
            assertEquals(0.2, positive(q1.join()), 1e-6);
            assertEquals(0.3, positive(q2.join()), 1e-6);
            assertEquals(1, s.stats("fake").refused());
        }
    }

    @Test
    void aFailingModelAnswers500AndTheServerLivesOn() throws Exception {
        try (ModelServer s = server(new FakeModel("fake", 0)).build().start()) {
            assertError(500, "cannot read", predict(s, "boom goes the model"));
            HttpResponse<String> after = predict(s, FakeModel.text(0.8));
            assertEquals(200, after.statusCode());
            assertEquals(0.8, positive(after), 1e-6);
            assertEquals(1, s.stats("fake").failedBatches());
        }
    }

    @Test
    void gracefulStopAnswersWhatWasQueuedAndRefusesNewWork() throws Exception {
        FakeModel model = new FakeModel("fake", 0).hold();
        ModelServer s = server(model).maxBatchSize(1).maxBatchDelay(Duration.ZERO).build().start();
        URI ping = URI.create(s.url() + "/ping");
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            queued.add(predictAsync(s, FakeModel.text(i / 10.0)));
        }
        assertTrue(model.awaitFirstCall());
        waitUntil(() -> s.stats("fake").queued() == 2);
        Thread stopper = new Thread(() -> s.stop(Duration.ofSeconds(10)));
        stopper.start();
        waitUntil(() -> {
            try {
                return get(ping).statusCode() == 503;
            } catch (Exception e) {
                return false;
            }
        });
        assertError(503, "stopping", predict(s, FakeModel.text(0.9)));
        model.release();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> r = queued.get(i - 1).join();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(i / 10.0, positive(r), 1e-6);
        }
        stopper.join(15_000);
        assertTrue(!stopper.isAlive(), "stop did not return");
        assertThrows(IOException.class, () -> get(ping), "the port is still open after stop");
    }

    @Test
    void builderRefusesBadSettings() {
        assertThrows(IllegalStateException.class, () -> ModelServer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ModelServer.builder().maxBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> ModelServer.builder().port(70_000));
        assertThrows(IllegalArgumentException.class,
                () -> ModelServer.builder().model(new FakeModel("a b", 0)));
        assertThrows(IllegalArgumentException.class,
                () -> ModelServer.builder().model(new FakeModel("x", 0), new FakeModel("x", 0)));
    }

    @Test
    void multiTextRequestsAreNeverSplitAcrossOrPackedBeyondTheMaximum() throws Exception {
        FakeModel model = new FakeModel("fake", 20);
        try (ModelServer s = server(model).maxBatchSize(4).maxBatchDelay(Duration.ofMillis(30)).build().start()) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"texts\": [\"" + FakeModel.text(i / 10.0) + "\", \"" + FakeModel.text(i / 10.0 + 0.01)
                        + "\", \"" + FakeModel.text(i / 10.0 + 0.02) + "\"]}";
                answers.add(HTTP.sendAsync(HttpRequest.newBuilder(s.predictionsUrl("fake"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 6; i++) {
                var list = json(answers.get(i).join()).getAsJsonArray("predictions");
                assertEquals(3, list.size());
                for (int k = 0; k < 3; k++) {
                    assertEquals(i / 10.0 + k / 100.0, list.get(k).getAsJsonObject().getAsJsonObject("probabilities")
                            .get("positive").getAsDouble(), 1e-6, "request " + i + " text " + k);
                }
            }
            // Two requests of 3 would make 6 > 4, so each call holds exactly one request.
            assertEquals(List.of(3, 3, 3, 3, 3, 3), model.batchSizes());
        }
    }

    @Test
    void aModelSlowerThanTheRequestTimeoutIsAnswered503() throws Exception {
        FakeModel model = new FakeModel("fake", 0).hold();
        try (ModelServer s = server(model).requestTimeout(Duration.ofMillis(200)).build().start()) {
            HttpResponse<String> r = predict(s, FakeModel.text(0.5));
            assertError(503, "did not answer within 200 ms", r);
            model.release();
            assertEquals(200, predict(s, FakeModel.text(0.5)).statusCode());
        }
    }

    @Test
    void aStopWhoseGraceRunsOutAnswersTheRest503RatherThanDroppingThem() throws Exception {
        FakeModel model = new FakeModel("fake", 0).hold();
        ModelServer s = server(model).maxBatchSize(1).maxBatchDelay(Duration.ZERO).build().start();
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            queued.add(predictAsync(s, FakeModel.text(i / 10.0)));
        }
        assertTrue(model.awaitFirstCall());
        waitUntil(() -> s.stats("fake").queued() == 2);
        long t0 = System.nanoTime();
        s.stop(Duration.ofMillis(300)); // the model never finishes by itself
        assertTrue((System.nanoTime() - t0) / 1e9 < 8, "stop overran its grace by far");
        int answered = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> f : queued) {
            HttpResponse<String> r = f.join();
            if (r.statusCode() == 503) {
                assertError(503, "stopped before", r);
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                refused++;
            } else {
                assertEquals(200, r.statusCode(), r.body());
                answered++;
            }
        }
        assertEquals(3, answered + refused);
        assertTrue(refused >= 2, "the two still queued must be refused, got " + refused);
        model.release();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aModelThatAnswersAtOnceIsNotHeldBackByTheNetworkStack() throws Exception {
        try (FakeModel model = new FakeModel("instant", 0);
             ModelServer server = ModelServer.builder().model(model).port(0).maxBatchSize(1)
                     .maxBatchDelay(Duration.ZERO).build().start()) {
            LoadReport r = LoadGenerator.builder().url(server.predictionsUrl("instant"))
                    .texts(List.of(FakeModel.text(0.7))).clients(1).requests(200).build().run();
            // With Nagle's algorithm on, each answer waited for the client's delayed ACK: a p50 of about 44 ms.
            assertTrue(r.p50Ms() < 20, "p50 " + r.p50Ms() + " ms");
        }
    }
}
