package org.deepbrew.nlp.onnx;

import java.util.List;
import java.util.Map;

/**
 * One operation of an ONNX graph.
 *
 * @param name the node's name (may be empty)
 * @param opType the operator, such as {@code MatMul} or {@code Add}
 * @param inputs names of the values it reads: graph inputs, initializers or other nodes' outputs
 * @param outputs names of the values it produces
 * @param intAttributes the node's integer attributes, such as Gemm's {@code transB}
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs,
                       Map<String, Long> intAttributes) {

    /** The integer attribute {@code name}, or {@code fallback} when the node does not set it. */
    public long intAttribute(String name, long fallback) {
        return intAttributes.getOrDefault(name, fallback);
    }
}
