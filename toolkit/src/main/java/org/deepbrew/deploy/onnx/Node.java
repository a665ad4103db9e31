package org.deepbrew.deploy.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of a graph being written: its operator, the values it reads and writes, and its
 * attributes (a {@code Long}, {@code Float}, {@code String}, {@code long[]} or {@code float[]} each).
 *
 * @param opType the ONNX operator, such as {@code MatMul}
 * @param name a unique name (may be empty)
 * @param inputs names of the values it reads; an empty string marks an omitted optional input
 * @param outputs names of the values it produces
 * @param attributes attribute values by name, in the order given
 */
public record Node(String opType, String name, List<String> inputs, List<String> outputs,
                   Map<String, Object> attributes) {

    public Node {
        if (opType == null || opType.isBlank()) {
            throw new IllegalArgumentException("A node needs an operator type");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("Node '" + name + "' (" + opType + ") has no outputs");
        }
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            Object v = a.getValue();
            if (!(v instanceof Long || v instanceof Integer || v instanceof Float || v instanceof Double
                    || v instanceof String || v instanceof long[] || v instanceof float[])) {
                throw new IllegalArgumentException("Attribute '" + a.getKey() + "' of " + opType
                        + " has an unsupported type " + (v == null ? "null" : v.getClass().getSimpleName())
                        + "; use long, float, String, long[] or float[]");
            }
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A node with no attributes. */
    public static Node of(String opType, String name, List<String> inputs, List<String> outputs) {
        return new Node(opType, name, inputs, outputs, Map.of());
    }
}
