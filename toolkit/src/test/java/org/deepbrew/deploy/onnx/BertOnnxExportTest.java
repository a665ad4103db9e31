package org.deepbrew.deploy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.Pooling;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.junit.jupiter.api.Test;

class BertOnnxExportTest {
    // Mixed lengths, so the batch is padded and the mask matters.
    private static final List<String> TEXTS = List.of(
            "great film",
            "the acting was wooden and the plot made no sense at all, a waste of two hours",
            "I loved it",
            "not bad, not good either; the music carried the slow middle part");

    /** ONNX Runtime's probabilities for a batch the classifier's tokenizer makes. */
    static float[][] ortProbabilities(OnnxModel model, BertTextClassifier classifier, List<String> texts) throws Exception {
        TokenBatch batch = classifier.tokenizer().batch(texts, classifier.maxLength());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options)) {
                inputs.put("input_ids", OnnxTensor.createTensor(env, toLong(batch.ids())));
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, toLong(batch.typeIds())));
                inputs.put("attention_mask", OnnxTensor.createTensor(env, toLong(batch.attentionMask())));
                try (OrtSession.Result result = session.run(inputs)) {
                    return (float[][]) result.get("probabilities").orElseThrow().getValue();
                }
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }
    }

    private static long[][] toLong(int[][] v) {
        long[][] out = new long[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new long[v[i].length];
            for (int j = 0; j < v[i].length; j++) {
                out[i][j] = v[i][j];
            }
        }
        return out;
    }

    private static double maxDifference(float[][] a, float[][] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                max = Math.max(max, Math.abs(a[r][c] - b[r][c]));
            }
        }
        return max;
    }

    private static BertTextClassifier small(Pooling pooling) {
        BertTokenizer tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer().restrictTo(TEXTS);
        BertConfig config = new BertConfig(tokenizer.vocabularySize(), 32, 2, 4, 64, 64, 2, 1e-12f, 0.1f, false);
        BertTextClassifier classifier = BertTextClassifier.randomlyInitialized(config, tokenizer,
                List.of("neg", "neu", "pos"), pooling, 32, 3);
        // BERT's sigma 0.02 gives near-uniform outputs that would hide a wrong graph; widen the weights 20x.
        for (var p : classifier.block().getParameters().values()) {
            if (p.getType() == ai.djl.nn.Parameter.Type.WEIGHT) {
                p.getArray().muli(20f);
            }
        }
        return classifier;
    }

    @Test
    void smallRandomClassifierMatchesJavaWithClsAndMeanPooling() throws Exception {
        for (Pooling pooling : List.of(Pooling.CLS, Pooling.MEAN)) {
            try (BertTextClassifier classifier = small(pooling)) {
                float[][] java = classifier.probabilities(TEXTS);
                float[][] onnx = ortProbabilities(BertOnnxExport.toOnnx(classifier), classifier, TEXTS);
                double diff = maxDifference(java, onnx);
                assertTrue(diff < 1e-4, pooling + ": max difference " + diff);
                // Random weights give near-uniform probabilities, so compare logit differences
                // (log p_i - log p_0) too, and check they spread far wider than the tolerance.
                double spread = 0;
                for (int r = 0; r < TEXTS.size(); r++) {
                    for (int c = 1; c < 3; c++) {
                        double j = Math.log(java[r][c] / java[r][0]);
                        double o = Math.log(onnx[r][c] / onnx[r][0]);
                        assertEquals(j, o, 1e-4, pooling + ": logit difference of text " + r + " class " + c);
                        spread = Math.max(spread, Math.abs(j - Math.log(java[0][c] / java[0][0])));
                    }
                }
                assertTrue(spread > 0.5, pooling + ": logit differences barely vary across texts: " + spread);
            }
        }
    }

    @Test
    void pretrainedMiniLmClassifierMatchesJava() throws Exception {
        try (BertTextClassifier classifier = BertTextClassifier.pretrained(PretrainedBert.MINI_LM_L6_V2,
                List.of("negative", "positive"), Pooling.MEAN, 64)) {
            OnnxModel onnx = BertOnnxExport.toOnnx(classifier);
            double diff = maxDifference(classifier.probabilities(TEXTS), ortProbabilities(onnx, classifier, TEXTS));
            assertTrue(diff < 1e-4, "max difference " + diff);
        }
    }
}
