package org.deepbrew.deploy.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs a written model on ONNX Runtime for the tests: one float input, the first output back as [rows][cols]. */
final class OrtRunner {
    private OrtRunner() {
    }

    static float[][] run(OnnxModel model, String input, float[][] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, x);
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                return (float[][]) result.get(0).getValue();
            }
        }
    }
}
