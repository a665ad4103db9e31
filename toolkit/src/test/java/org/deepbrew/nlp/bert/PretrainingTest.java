package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.train.History;
import org.junit.jupiter.api.Test;

class PretrainingTest {

    @Test
    void maskingFollowsThe80_10_10RuleAndSparesSpecialTokens() {
        BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add("the quick brown fox jumps over the lazy dog and keeps running far away " + i);
        }
        TokenBatch batch = tokenizer.batch(texts, 64);
        Masking masking = new Masking(0.15, tokenizer.maskId(), tokenizer.vocabularySize(),
                Set.of(tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId()));
        Masking.Masked m = masking.apply(batch, new Random(1));
        int candidates = 0;
        int chosen = 0;
        int masked = 0;
        int kept = 0;
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                int original = batch.ids()[b][t];
                boolean special = original == tokenizer.clsId() || original == tokenizer.sepId() || batch.attentionMask()[b][t] == 0;
                if (special) {
                    assertEquals(0, m.chosen()[b][t], "special or padding position chosen");
                    assertEquals(original, m.input().ids()[b][t]);
                    continue;
                }
                candidates++;
                if (m.chosen()[b][t] == 1) {
                    chosen++;
                    assertEquals(original, m.labels()[b][t]);
                    if (m.input().ids()[b][t] == tokenizer.maskId()) {
                        masked++;
                    } else if (m.input().ids()[b][t] == original) {
                        kept++;
                    }
                } else {
                    assertEquals(original, m.input().ids()[b][t], "unchosen token changed");
                }
            }
        }
        double rate = (double) chosen / candidates;
        assertEquals(0.15, rate, 0.015, "share of tokens chosen");
        assertEquals(0.8, (double) masked / chosen, 0.04, "share replaced by [MASK]");
        assertEquals(0.1, (double) kept / chosen, 0.03, "share left unchanged");
    }

    @Test
    void mlmLossFallsOnASmallCorpus() {
        List<String> corpus = List.of("the film was great and the actors were great",
                "the food was bad and the service was bad", "i loved the film and the music",
                "i hated the food and the place", "great acting great story great film",
                "bad service bad food bad place");
        BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer().restrictTo(corpus);
        assertTrue(tokenizer.vocabularySize() < 40, "restricted vocabulary " + tokenizer.vocabularySize());
        assertEquals(tokenizer.tokenize(corpus.get(0)), PretrainedBert.MINI_LM_L6_V2.tokenizer().tokenize(corpus.get(0)));
        BertConfig config = BertConfig.small(tokenizer.vocabularySize(), 32, 1, 32);
        try (Pretraining pretraining = Pretraining.fromScratch(config, tokenizer, 3)) {
            History run = pretraining.training(corpus, 120, 6, 16, 3e-3f).quiet().run();
            assertEquals(120, run.batches().size(), "exactly the steps asked for, one batch per epoch here");
            double first = run.meanBatchLoss(true, 10);
            double last = run.meanBatchLoss(false, 10);
            // Uniform guessing costs ln(vocabulary) ≈ 3.3; a model that learned the corpus does far better.
            assertTrue(first > 2.5, "initial loss " + first);
            assertTrue(last < first - 1.0, "loss fell from " + first + " to " + last);
        }
    }
}
