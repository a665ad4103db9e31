package org.deepbrew.nlp.bert;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.deepbrew.nlp.onnx.OrtTokenInputs;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * Runs the original ONNX model with ONNX Runtime, as a reference to check our encoder against
 * and to compare speed with.
 */
public final class OnnxRuntimeReference implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;

    /** A session on the ONNX model held in {@code onnxBytes}, using {@code threads} CPU threads. */
    public OnnxRuntimeReference(byte[] onnxBytes, int threads) {
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            session = environment.createSession(onnxBytes, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** A session on a pretrained model. */
    public static OnnxRuntimeReference of(PretrainedBert model) {
        return new OnnxRuntimeReference(model.onnxBytes(), Runtime.getRuntime().availableProcessors());
    }

    /** The first output (the last hidden state) for a tokenized batch, as [batch][length][hidden]. */
    public float[][][] lastHiddenState(TokenBatch batch) {
        try (OrtSession.Result result = run(batch)) {
            return (float[][][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** The model's second output when it has one (MiniLM's pooler output), as [batch][hidden]. */
    public float[][] pooled(TokenBatch batch) {
        try (OrtSession.Result result = run(batch)) {
            if (result.size() < 2) {
                throw new IllegalStateException("This ONNX model has no pooled output");
            }
            return (float[][]) result.get(1).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private OrtSession.Result run(TokenBatch batch) throws OrtException {
        try (OrtTokenInputs inputs = OrtTokenInputs.of(environment, batch)) {
            return session.run(inputs.asMap());
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
