package org.deepbrew.deploy.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deepbrew.data.text.LabeledText;
import org.junit.jupiter.api.Test;

class LoadTestTest {

    @Test
    void accuracyIsScoredOnTheServedAnswersAndTheWarmUpIsNotMeasured() throws Exception {
        // P(positive) 0.05, 0.15, ..., 0.95: the model answers negative for the first 5, positive for the rest.
        List<LabeledText> test = new ArrayList<>();
        int[] truth = {0, 0, 0, 1, 1, 1, 1, 1, 0, 0};
        for (int i = 0; i < 10; i++) {
            test.add(new LabeledText(FakeModel.text(0.05 + 0.1 * i), truth[i]));
        }
        // answers: 0 0 0 0 0 1 1 1 1 1; agreeing with truth at 0, 1, 2, 5, 6, 7: 6 of 10
        try (FakeModel model = new FakeModel("fake", 0);
             ModelServer server = ModelServer.builder().model(model).port(0).maxBatchSize(4)
                     .maxBatchDelay(Duration.ofMillis(2)).build().start()) {
            LoadTest.Result r = LoadTest.builder().test(test).clients(3).requests(25).warmup(8).build().run(server, model);
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, r.labels());
            assertEquals(0.6, r.accuracy(), 1e-12);
            assertEquals(10, r.scored());
            assertEquals(25, r.load().answered(200));
            assertEquals(25, r.stats().requests(), "the 8 warm-up requests are not in the measured stats");
        }
    }

    @Test
    void atLeastOnePassIsSentAndSettingsAreChecked() throws Exception {
        List<LabeledText> test = List.of(new LabeledText(FakeModel.text(0.9), 1), new LabeledText(FakeModel.text(0.2), 0),
                new LabeledText(FakeModel.text(0.7), 0));
        try (FakeModel model = new FakeModel("fake", 0);
             ModelServer server = ModelServer.builder().model(model).port(0).build().start()) {
            LoadTest.Result r = LoadTest.builder().test(test).clients(1).requests(1).warmup(0).build().run(server, model);
            assertEquals(3, r.load().requests());
            assertEquals(2 / 3.0, r.accuracy(), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> LoadTest.builder().test(List.of()));
        assertThrows(IllegalArgumentException.class, () -> LoadTest.builder().clients(0));
        assertThrows(IllegalStateException.class, () -> LoadTest.builder().build());
    }
}
