package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our DJL encoder against ONNX Runtime on the same ONNX file: same inputs, same numbers. */
class BertParityTest {
    static final List<String> SENTENCES = List.of(
            "The movie was a wonderful surprise.",
            "I would not recommend this phone to anyone; the battery died within a week!",
            "Naïve café owners serve crème brûlée 🍮 in Zürich.",
            "ok");

    @ParameterizedTest
    @EnumSource(PretrainedBert.class)
    void lastHiddenStateMatchesOnnxRuntime(PretrainedBert model) {
        BertTokenizer tokenizer = model.tokenizer();
        TokenBatch batch = tokenizer.batch(SENTENCES, 64); // padded: the mask must hide the padding
        try (NDManager manager = NDManager.newBaseManager();
                OnnxRuntimeReference reference = new OnnxRuntimeReference(model.onnxBytes(), 2)) {
            BertEncoder encoder = model.loadEncoder(manager);
            NDList out = encoder.forward(new ParameterStore(manager, false), batch.toNDList(manager), false);
            float[][][] expected = reference.lastHiddenState(batch);
            float[] ours = out.get(0).toFloatArray();
            int hidden = model.config().hiddenSize();
            assertEquals(batch.size() * batch.length() * hidden, ours.length);
            double maxDiff = 0;
            for (int b = 0; b < batch.size(); b++) {
                for (int t = 0; t < batch.length(); t++) {
                    if (batch.attentionMask()[b][t] == 0) {
                        continue; // padded positions carry no meaning in either model
                    }
                    for (int h = 0; h < hidden; h++) {
                        float o = ours[(b * batch.length() + t) * hidden + h];
                        maxDiff = Math.max(maxDiff, Math.abs(o - expected[b][t][h]));
                    }
                }
            }
            assertTrue(maxDiff <= 1e-4, model + ": max |ours - ONNX Runtime| = " + maxDiff);
            if (model.config().pooler()) {
                float[][] pooled = reference.pooled(batch);
                float[] ourPooled = out.get(1).toFloatArray();
                double poolDiff = 0;
                for (int b = 0; b < batch.size(); b++) {
                    for (int h = 0; h < hidden; h++) {
                        poolDiff = Math.max(poolDiff, Math.abs(ourPooled[b * hidden + h] - pooled[b][h]));
                    }
                }
                assertTrue(poolDiff <= 1e-4, model + " pooler: max diff " + poolDiff);
            }
        }
    }
}
