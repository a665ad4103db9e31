package org.deepbrew.deploy.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.Pooling;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.junit.jupiter.api.Test;

class FeedForwardPruningTest {
    private static final List<String> TEXTS = List.of("great film", "the plot made no sense at all, a waste of two hours",
            "I loved it", "not bad, not good either; the music carried the slow middle part");
    private static final int FFN = 64;

    private static BertTextClassifier small() {
        BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer().restrictTo(TEXTS);
        BertConfig config = new BertConfig(tokenizer.vocabularySize(), 32, 2, 4, FFN, 64, 2, 1e-12f, 0.1f, false);
        BertTextClassifier classifier = BertTextClassifier.randomlyInitialized(config, tokenizer,
                List.of("neg", "pos"), Pooling.MEAN, 32, 5);
        // BERT's sigma 0.02 gives near-uniform outputs that would hide a wrong copy; widen the weights 20x.
        for (Parameter p : classifier.block().getParameters().values()) {
            if (p.getType() == Parameter.Type.WEIGHT) {
                p.getArray().muli(20f);
            }
        }
        return classifier;
    }

    /** Zeroes the outgoing weights of every odd feed-forward neuron in every layer: those neurons add nothing. */
    private static void silenceOddNeurons(BertTextClassifier c) {
        for (int layer = 0; layer < c.block().encoder().config().layers(); layer++) {
            NDArray w = c.block().encoder().namedParameters().get("encoder.layer." + layer + ".output.dense.weight")
                    .getArray(); // [hidden, intermediate]
            float[] v = w.toFloatArray();
            int units = (int) w.getShape().get(1);
            for (int i = 0; i < v.length; i++) {
                if (i % units % 2 == 1) {
                    v[i] = 0f;
                }
            }
            w.set(FloatBuffer.wrap(v));
        }
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                max = Math.max(max, Math.abs(a[r][c] - b[r][c]));
            }
        }
        return max;
    }

    @Test
    void removingNeuronsWithoutOutgoingWeightsKeepsEveryOutput() {
        try (BertTextClassifier source = small()) {
            silenceOddNeurons(source);
            float[][] before = source.probabilities(TEXTS);
            try (BertTextClassifier pruned = FeedForwardPruning.prune(source, FFN / 2)) {
                assertEquals(FFN / 2, pruned.block().encoder().config().intermediateSize());
                assertEquals(FFN, source.block().encoder().config().intermediateSize(), "the source is left as it was");
                double diff = maxDifference(before, pruned.probabilities(TEXTS));
                assertTrue(diff < 1e-5, "max probability difference " + diff);
                // the outputs are far from uniform, so equal outputs mean the right neurons were kept
                double spread = Math.abs(before[0][1] - before[1][1]) + Math.abs(before[0][1] - before[2][1]);
                assertTrue(spread > 0.05, "outputs too alike to tell: " + spread);
            }
        }
    }

    @Test
    void removingNeuronsThatContributeChangesOutputsAndShrinksTheModel() {
        try (BertTextClassifier source = small();
             BertTextClassifier pruned = FeedForwardPruning.prune(source, FFN / 4)) {
            assertTrue(maxDifference(source.probabilities(TEXTS), pruned.probabilities(TEXTS)) > 1e-3,
                    "live neurons removed, yet the outputs did not move");
            long removed = count(source) - count(pruned);
            // per layer: 48 rows of the intermediate weight (32 wide), 48 biases, 48 columns of the output weight (32 high)
            assertEquals(2L * 48 * (32 + 1 + 32), removed);
        }
    }

    @Test
    void aPrunedModelSavesAndLoadsWithItsSmallerConfig() throws Exception {
        Path dir = Files.createTempDirectory("pruned-bert");
        try (BertTextClassifier source = small();
             BertTextClassifier pruned = FeedForwardPruning.prune(source, 24)) {
            pruned.save(dir);
            try (BertTextClassifier loaded = BertTextClassifier.load(dir)) {
                assertEquals(24, loaded.block().encoder().config().intermediateSize());
                assertTrue(maxDifference(pruned.probabilities(TEXTS), loaded.probabilities(TEXTS)) < 1e-6);
                loaded.save(dir.resolve("again")); // a loaded classifier saves too
                try (BertTextClassifier again = BertTextClassifier.load(dir.resolve("again"))) {
                    assertTrue(maxDifference(pruned.probabilities(TEXTS), again.probabilities(TEXTS)) < 1e-6);
                }
            }
        }
    }

    @Test
    void keepOutsideTheLayerIsRefused() {
        try (BertTextClassifier source = small()) {
            assertThrows(IllegalArgumentException.class, () -> FeedForwardPruning.prune(source, 0));
            assertThrows(IllegalArgumentException.class, () -> FeedForwardPruning.prune(source, FFN + 1));
        }
    }

    private static long count(BertTextClassifier c) {
        return c.block().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }
}
