package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * Runs the same sentences through our DJL encoder and through ONNX Runtime on the same ONNX file
 * and reports the largest absolute difference of the last hidden state over the real tokens.
 */
public final class ParityCheck {
    private ParityCheck() {}

    /** The largest |ours − ONNX Runtime| over all real tokens and hidden units. */
    public static double maxAbsDifference(PretrainedBert model, List<String> sentences) {
        TokenBatch batch = model.tokenizer().batch(sentences, 128);
        try (NDManager manager = NDManager.newBaseManager();
                OnnxRuntimeReference reference = new OnnxRuntimeReference(model.onnxBytes(), 2)) {
            BertEncoder encoder = model.loadEncoder(manager);
            NDList out = encoder.forward(new ParameterStore(manager, false), batch.toNDList(manager), false);
            float[] ours = out.get(0).toFloatArray();
            float[][][] expected = reference.lastHiddenState(batch);
            int hidden = model.config().hiddenSize();
            double max = 0;
            for (int b = 0; b < batch.size(); b++) {
                for (int t = 0; t < batch.length(); t++) {
                    if (batch.attentionMask()[b][t] == 1) {
                        for (int h = 0; h < hidden; h++) {
                            max = Math.max(max, Math.abs(ours[(b * batch.length() + t) * hidden + h] - expected[b][t][h]));
                        }
                    }
                }
            }
            return max;
        }
    }
}
