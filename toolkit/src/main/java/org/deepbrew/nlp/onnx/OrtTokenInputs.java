package org.deepbrew.nlp.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * A tokenized batch as the three int64 tensors a BERT-shaped ONNX model reads ({@code input_ids},
 * {@code token_type_ids}, {@code attention_mask}), ready for {@code OrtSession.run}. Close it after
 * the run: the tensors hold native memory.
 */
public final class OrtTokenInputs implements AutoCloseable {
    public static final String INPUT_IDS = "input_ids";
    public static final String TOKEN_TYPE_IDS = "token_type_ids";
    public static final String ATTENTION_MASK = "attention_mask";

    private final Map<String, ai.onnxruntime.OnnxTensor> tensors = new LinkedHashMap<>();

    private OrtTokenInputs() {}

    /** The tensors of {@code batch}; nothing leaks if one of them cannot be made. */
    public static OrtTokenInputs of(OrtEnvironment environment, TokenBatch batch) throws OrtException {
        OrtTokenInputs inputs = new OrtTokenInputs();
        try {
            inputs.tensors.put(INPUT_IDS, ai.onnxruntime.OnnxTensor.createTensor(environment, toLong(batch.ids())));
            inputs.tensors.put(TOKEN_TYPE_IDS,
                    ai.onnxruntime.OnnxTensor.createTensor(environment, toLong(batch.typeIds())));
            inputs.tensors.put(ATTENTION_MASK,
                    ai.onnxruntime.OnnxTensor.createTensor(environment, toLong(batch.attentionMask())));
            return inputs;
        } catch (OrtException | RuntimeException e) {
            inputs.close();
            throw e;
        }
    }

    /** Input name to tensor, in the order above. */
    public Map<String, ai.onnxruntime.OnnxTensor> asMap() {
        return tensors;
    }

    private static long[][] toLong(int[][] values) {
        long[][] out = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new long[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                out[i][j] = values[i][j];
            }
        }
        return out;
    }

    @Override
    public void close() {
        tensors.values().forEach(ai.onnxruntime.OnnxTensor::close);
        tensors.clear();
    }
}
