package org.deepbrew.deploy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LoadGeneratorTest {

    @Test
    void percentilesAndThroughputMatchHandComputedValues() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms .. 1 ms, shuffled order does not matter
        }
        LoadReport r = new LoadReport(4, 102, Map.of(200, 90L, 503, 10L), 2, "reset", 0, 2.0, nanos);
        assertEquals(50.0, r.p50Ms(), 1e-9);
        assertEquals(95.0, r.p95Ms(), 1e-9);
        assertEquals(99.0, r.p99Ms(), 1e-9);
        assertEquals(100.0, r.maxMs(), 1e-9);
        assertEquals(50.5, r.meanMs(), 1e-9);
        assertEquals(50.0, r.requestsPerSecond(), 1e-9); // 100 answers in 2 s
        assertEquals(45.0, r.okPerSecond(), 1e-9);
        assertEquals(2, r.lost());
        assertEquals(10, r.serverErrors());
        Table t = r.table();
        assertEquals(1, t.rowCount());
        assertEquals(90, t.intColumn("200").get(0));
        assertEquals(99.0, t.doubleColumn("p99 ms").get(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> r.percentileMs(0));
    }

    @Test
    void everyRequestIsAnsweredAndScoredUnderLoad() throws Exception {
        FakeModel model = new FakeModel("fake", 2);
        List<String> texts = List.of(FakeModel.text(0.2), FakeModel.text(0.7), FakeModel.text(0.9));
        Map<Long, Double> seen = new ConcurrentHashMap<>();
        try (ModelServer s = ModelServer.builder().model(model).port(0).maxBatchSize(4).build().start()) {
            LoadReport r = LoadGenerator.builder().url(s.predictionsUrl("fake")).texts(texts).clients(4).requests(300)
                    .onResponse((i, status, body) -> seen.put(i, JsonParser.parseString(body).getAsJsonObject()
                            .getAsJsonObject("probabilities").get("positive").getAsDouble()))
                    .build().run();
            assertEquals(300, r.requests());
            assertEquals(300, r.answered(200), r.toString());
            assertEquals(0, r.failures());
            assertEquals(0, r.unexpected());
            assertEquals(300, seen.size());
            seen.forEach((i, p) -> assertEquals(new double[] {0.2, 0.7, 0.9}[(int) (i % 3)], p, 1e-6));
            assertTrue(r.requestsPerSecond() > 0 && r.p50Ms() <= r.p95Ms() && r.p95Ms() <= r.p99Ms());
            assertEquals(300, model.batchSizes().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void aSmallQueueShedsLoadWith503ButLosesNoRequest() throws Exception {
        FakeModel model = new FakeModel("fake", 5);
        try (ModelServer s = ModelServer.builder().model(model).port(0).maxBatchSize(1).maxBatchDelay(Duration.ZERO)
                .queueCapacity(1).build().start()) {
            LoadReport r = LoadGenerator.builder().url(s.predictionsUrl("fake")).texts(List.of(FakeModel.text(0.5)))
                    .clients(8).requests(200).build().run();
            assertEquals(0, r.failures(), r.toString());
            assertEquals(0, r.lost());
            assertEquals(200, r.answered(200) + r.answered(503), r.toString());
            assertTrue(r.answered(503) > 0, "8 clients on a queue of 1 should be shed: " + r);
            assertTrue(r.answered(200) > 0);
            assertEquals(r.answered(503), s.stats("fake").refused());
            assertEquals(r.answered(200), model.batchSizes().size());
        }
    }

    @Test
    void thousandMalformedRequestsAreRefusedCleanlyAndTheServerStillAnswers() throws Exception {
        FakeModel model = new FakeModel("fake", 0);
        try (ModelServer s = ModelServer.builder().model(model).port(0).build().start()) {
            LoadReport r = LoadGenerator.builder().url(s.predictionsUrl("fake")).malformed(7).clients(4)
                    .requests(1_000).build().run();
            assertEquals(1_000, r.requests());
            assertEquals(0, r.failures(), r.toString());
            assertEquals(0, r.unexpected(), r.toString());
            assertEquals(0, r.serverErrors(), r.toString());
            assertTrue(r.answered(400) > 0 && r.answered(404) > 0 && r.answered(405) > 0 && r.answered(413) > 0
                    && r.answered(415) > 0, r.statusCounts().toString());
            assertTrue(model.batchSizes().isEmpty(), "a malformed request reached the model");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(s.url() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(s.predictionsUrl("fake"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + FakeModel.text(0.66) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals("positive", JsonParser.parseString(ok.body()).getAsJsonObject().get("label").getAsString());
        }
    }

    @Test
    void aDownServerCountsAsFailuresNotAnswers() {
        LoadReport r = LoadGenerator.builder().url(URI.create("http://127.0.0.1:1/predictions/x"))
                .texts(List.of("a")).clients(2).requests(6).timeout(Duration.ofSeconds(2)).build().run();
        assertEquals(6, r.failures());
        assertEquals(6, r.lost());
        assertEquals(0, r.answered());
        assertTrue(r.firstFailure() != null);
    }

    @Test
    void aDurationRunStopsOnTimeAndTheServerCountsMatchTheClients() throws Exception {
        FakeModel model = new FakeModel("fake", 1);
        try (ModelServer s = ModelServer.builder().model(model).port(0).build().start()) {
            LoadReport r = LoadGenerator.builder().url(s.predictionsUrl("fake")).texts(List.of(FakeModel.text(0.4)))
                    .clients(2).duration(Duration.ofMillis(400)).build().run();
            assertTrue(r.seconds() >= 0.4 && r.seconds() < 5, "ran " + r.seconds() + " s");
            assertTrue(r.requests() > 0);
            assertEquals(r.requests(), r.answered(200), r.toString());
            ModelStats stats = s.stats("fake");
            assertEquals(r.requests(), stats.requests());
            assertEquals(r.requests(), stats.texts());
            assertEquals(0, stats.refused());
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s.url() + "/models")).build(), HttpResponse.BodyHandlers.ofString());
            var entry = JsonParser.parseString(models.body()).getAsJsonObject().getAsJsonArray("models").get(0)
                    .getAsJsonObject();
            assertEquals(r.requests(), entry.get("requests").getAsLong());
            assertEquals(List.of("negative", "positive"),
                    List.of(entry.getAsJsonArray("classes").get(0).getAsString(),
                            entry.getAsJsonArray("classes").get(1).getAsString()));
        }
    }

    @Test
    void builderRefusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.builder().clients(0));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.builder().texts(new ArrayList<>()));
        assertThrows(IllegalStateException.class, () -> LoadGenerator.builder().build());
    }
}
