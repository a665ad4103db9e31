package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import java.nio.file.Path;
import java.util.List;
import org.deepbrew.data.prep.Splits;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.data.text.SentimentSentences;
import org.deepbrew.train.History;
import org.deepbrew.train.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short fine-tune of MiniLM on a slice of the IMDb sentences, then a save/load round trip. */
class FineTuneTest {

    @Test
    void tinyFineTuneBeatsChanceAndSurvivesSaveLoad(@TempDir Path dir) throws Exception {
        List<LabeledText> all = SentimentSentences.load(SentimentSentences.Source.IMDB);
        int[] labels = all.stream().mapToInt(LabeledText::label).toArray();
        Splits.Split split = Splits.stratified(labels, 64, 7);
        List<LabeledText> train = pick(all, split.first());
        List<LabeledText> test = pick(all, split.second()).subList(0, 100);
        List<String> names = List.of("negative", "positive");
        try (BertTextClassifier classifier = BertTextClassifier.pretrained(PretrainedBert.MINI_LM_L6_V2, names,
                Pooling.MEAN, 32)) {
            // 8 steps of 16 sentences: short, yet (seeded) it reaches 0.84 on the 100 test sentences.
            FineTuning settings = FineTuning.builder().epochs(2).batchSize(16).learningRate(3e-4f).build();
            History run = classifier.fineTuning(train, List.of(), settings).quiet().run();
            assertEquals(8, run.batches().size(), "64 sentences in batches of 16, twice");
            assertEquals(2, run.epochs().size());
            // Warm-up (10 % of 8 steps, rounded: 1) then linear decay to 0 at the last step.
            assertEquals(0.0, run.last().learningRate(), 1e-9, "learning rate at the last step");
            ConfusionMatrix report = classifier.evaluate(test);
            // Chance is 0.5 on these balanced sentences; on 100 test sentences 0.7 is four standard errors above it.
            assertTrue(report.accuracy() >= 0.7, "accuracy after a tiny fine-tune: " + report);

            classifier.save(dir);
            List<String> texts = test.stream().map(LabeledText::text).limit(16).toList();
            float[][] before = classifier.probabilities(texts);
            try (BertTextClassifier loaded = BertTextClassifier.load(dir)) {
                float[][] after = loaded.probabilities(texts);
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], after[i], 1e-6f, texts.get(i));
                }
                try (Predictor<String, Classifications> predictor = loaded.newPredictor()) {
                    Classifications c = predictor.predict(texts.get(0));
                    assertEquals(names.get(argMax(before[0])), c.best().getClassName());
                    assertEquals(before[0][argMax(before[0])], c.best().getProbability(), 1e-5);
                }
            }
        }
    }

    private static int argMax(float[] p) {
        return p[1] > p[0] ? 1 : 0;
    }

    private static List<LabeledText> pick(List<LabeledText> all, int[] indices) {
        return java.util.Arrays.stream(indices).mapToObj(all::get).toList();
    }
}
