package org.deepbrew.nlp.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepbrew.data.text.SentimentSentences;
import org.deepbrew.nlp.TextSplit;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.deepbrew.train.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class BaselineAndReportTest {

    @Test
    void reportComputesAccuracyF1AndConfusion() {
        int[] actual = {0, 0, 0, 1, 1, 1, 1, 1};
        int[] predicted = {0, 0, 1, 1, 1, 1, 0, 1};
        ConfusionMatrix r = ConfusionMatrix.of(actual, predicted, 2);
        assertEquals(6.0 / 8, r.accuracy(), 1e-12);
        assertEquals(2, r.count(0, 0));
        assertEquals(1, r.count(1, 0));
        // class 1: tp 4, predicted 5, actual 5 -> F1 = 8/10
        assertEquals(0.8, r.f1(1), 1e-12);
        assertEquals((0.8 + 4.0 / 6) / 2, r.macroF1(), 1e-12);
    }

    @Test
    void bagOfWordsBeatsChanceOnImdbSentences() {
        TextSplit split = TextSplit.stratified(SentimentSentences.load(SentimentSentences.Source.IMDB), 0.7, 0.15, 42);
        try (BagOfWordsClassifier bow = new BagOfWordsClassifier(PretrainedBert.MINI_LM_L6_V2.tokenizer()::tokenize)
                .fit(split.train())) {
            ConfusionMatrix r = bow.evaluate(split.test());
            assertTrue(r.accuracy() >= 0.7, "bag-of-words accuracy " + r);
            assertTrue(bow.probability("a wonderful , excellent film") > bow.probability("awful , boring and bad"));
            // Full-batch descent through Fit: one step per epoch, and the log-loss falls from ln 2.
            double[] losses = bow.history().batchLosses();
            assertEquals(500, losses.length);
            assertEquals(Math.log(2), losses[0], 1e-3, "weights start at 0, so every text scores 0.5");
            assertTrue(losses[499] < 0.5 * losses[0], "log-loss " + losses[0] + " -> " + losses[499]);
        }
    }
}
