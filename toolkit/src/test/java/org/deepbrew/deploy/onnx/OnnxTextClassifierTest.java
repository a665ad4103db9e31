package org.deepbrew.deploy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepbrew.deploy.TextModel;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.Pooling;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxTextClassifierTest {
    private static final List<String> TEXTS = List.of(
            "a quiet, moving film",
            "the worst script I have read in years, and the actors seem to know it",
            "fine",
            "two good scenes do not make a good movie");

    private static BertTextClassifier small() {
        BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer().restrictTo(TEXTS);
        BertConfig config = new BertConfig(tokenizer.vocabularySize(), 32, 2, 4, 64, 64, 2, 1e-12f, 0.1f, false);
        BertTextClassifier classifier = BertTextClassifier.randomlyInitialized(config, tokenizer,
                List.of("negative", "positive"), Pooling.MEAN, 24, 7);
        // sigma 0.02 gives near-uniform probabilities that would hide a wrong graph; widen the weights.
        for (var p : classifier.block().getParameters().values()) {
            if (p.getType() == ai.djl.nn.Parameter.Type.WEIGHT) {
                p.getArray().muli(20f);
            }
        }
        return classifier;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            assertEquals(a[r].length, b[r].length);
            for (int c = 0; c < a[r].length; c++) {
                max = Math.max(max, Math.abs(a[r][c] - b[r][c]));
            }
        }
        return max;
    }

    @Test
    void exportedDirectoryServesTheJavaModelsProbabilitiesOnOnnxRuntime(@TempDir Path dir) throws IOException {
        try (BertTextClassifier java = small()) {
            BertOnnxExport.write(java, dir);
            float[][] expected = java.probabilities(TEXTS);
            try (OnnxTextClassifier ort = OnnxTextClassifier.load("sentiment-ort", dir, 1)) {
                assertEquals("sentiment-ort", ort.name());
                assertEquals(java.classNames(), ort.classNames());
                assertEquals(24, ort.maxLength());
                assertEquals(Files.size(dir.resolve(BertOnnxExport.MODEL_FILE)), ort.modelBytes());
                float[][] actual = ort.probabilities(TEXTS);
                double diff = maxDifference(expected, actual);
                assertTrue(diff < 1e-4, "max probability difference " + diff);
                double spread = 0;
                for (float[] row : expected) {
                    spread = Math.max(spread, Math.abs(row[1] - expected[0][1]));
                }
                assertTrue(spread > 0.05, "the texts should get clearly different probabilities, spread " + spread);
                // One text alone (no padding) gets the same answer as inside the padded batch.
                assertTrue(maxDifference(new float[][] {actual[2]}, ort.probabilities(List.of(TEXTS.get(2)))) < 1e-5);
                // Logits and probabilities agree: softmax of the logits.
                float[][] logits = ort.logits(TEXTS);
                for (int r = 0; r < logits.length; r++) {
                    double e0 = Math.exp(logits[r][0]);
                    double e1 = Math.exp(logits[r][1]);
                    assertEquals(e1 / (e0 + e1), actual[r][1], 1e-5);
                }
                assertEquals(0, ort.probabilities(List.of()).length);
            }
        }
    }

    @Test
    void quantisedExportRunsThroughTheSameClass(@TempDir Path dir) throws IOException {
        try (BertTextClassifier java = small()) {
            OnnxModel fp32 = BertOnnxExport.toOnnx(java);
            OnnxModel int8 = DynamicQuantizer.perColumn().quantize(fp32);
            BertOnnxExport.writeDirectory(int8, java, dir.resolve("int8"));
            BertOnnxExport.writeDirectory(fp32, java, dir.resolve("fp32"));
            // Every dense layer (4 attention + 2 feed-forward per layer, and the head) became integer maths.
            long integerProducts = int8.nodes().stream().filter(n -> n.opType().equals("MatMulInteger")).count();
            assertEquals(6L * 2 + 1, integerProducts);
            long fp32Bytes = Files.size(dir.resolve("fp32").resolve(BertOnnxExport.MODEL_FILE));
            long int8Bytes = Files.size(dir.resolve("int8").resolve(BertOnnxExport.MODEL_FILE));
            // Dense weights shrink 4x (ideal saving 3/4 of their bytes, less per-column scales);
            // the embedding tables stay fp32. Hidden 32, feed-forward 64, 2 layers, 2 classes:
            long denseBytes = 4L * (2 * (4 * 32 * 32 + 2 * 32 * 64) + 32 * 2);
            assertTrue(fp32Bytes - int8Bytes > 0.65 * denseBytes,
                    "int8 file " + int8Bytes + " B vs fp32 " + fp32Bytes + " B, dense weights " + denseBytes + " B");
            assertTrue(int8Bytes < 0.55 * fp32Bytes, "int8 file " + int8Bytes + " B vs fp32 " + fp32Bytes + " B");
            float[][] expected = java.probabilities(TEXTS);
            try (TextModel ort = OnnxTextClassifier.load("sentiment-int8", dir.resolve("int8"), 1)) {
                float[][] actual = ort.probabilities(TEXTS);
                double diff = maxDifference(expected, actual);
                assertTrue(diff < 0.05, "int8 probabilities drift by " + diff);
                assertTrue(diff > 1e-6, "int8 should not compute exactly the fp32 numbers");
                for (int r = 0; r < TEXTS.size(); r++) {
                    if (Math.abs(expected[r][1] - 0.5) > 0.05) {
                        assertEquals(expected[r][1] > 0.5, actual[r][1] > 0.5, "int8 flips the class of text " + r);
                    }
                }
            }
        }
    }

    @Test
    void quantisedEmbeddingsSaveThreeQuartersOfTheTablesBytes(@TempDir Path dir) throws IOException {
        try (BertTextClassifier java = small()) {
            OnnxModel fp32 = BertOnnxExport.toOnnx(java);
            OnnxModel int8 = DynamicQuantizer.perColumn().withEmbeddings().quantize(fp32);
            BertOnnxExport.writeDirectory(int8, java, dir.resolve("int8"));
            // the word and token-type tables are read through int8 rows (positions are sliced, and stay fp32)
            assertEquals(2L, int8.nodes().stream().filter(n -> n.opType().equals("Gather")
                    && n.inputs().get(0).endsWith("_table")).count());
            // Against the dense-only rewrite, the tables lose 3/4 of their bytes, less one float scale per row
            // and the four new nodes per table, which weigh a little next to tables this small (34 x 32).
            long denseOnly = DynamicQuantizer.perColumn().quantize(fp32).toByteArray().length;
            long tableBytes = 4L * (java.tokenizer().vocabularySize() + 2) * 32;
            long saved = denseOnly - int8.toByteArray().length;
            assertTrue(saved > 0.6 * tableBytes, "saved " + saved + " B of " + tableBytes + " B of tables");
            try (TextModel ort = OnnxTextClassifier.load("sentiment-int8", dir.resolve("int8"), 1)) {
                double diff = maxDifference(java.probabilities(TEXTS), ort.probabilities(TEXTS));
                assertTrue(diff < 0.05, "int8 probabilities drift by " + diff);
            }
        }
    }

    @Test
    void missingExportIsNamed(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> OnnxTextClassifier.load("x", dir, 1));
        assertTrue(e.getMessage().contains(BertOnnxExport.MODEL_FILE), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxTextClassifier.load("x", dir, 0));
    }
}
