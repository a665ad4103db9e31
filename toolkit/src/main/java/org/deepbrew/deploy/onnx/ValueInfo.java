package org.deepbrew.deploy.onnx;

import java.util.List;

/**
 * A typed graph input or output. Each dimension is a {@code Long} (fixed size) or a {@code String}
 * (a symbolic size such as {@code "batch"} or {@code "sequence"}).
 *
 * @param name the value's name
 * @param type its element type
 * @param dims its shape
 */
public record ValueInfo(String name, ElementType type, List<Object> dims) {

    public ValueInfo {
        for (Object d : dims) {
            if (!(d instanceof Long || d instanceof Integer || d instanceof String)) {
                throw new IllegalArgumentException("Dimension of '" + name + "' must be a number or a symbolic name, got "
                        + d);
            }
        }
        dims = List.copyOf(dims);
    }

    /** A value of {@code type} whose dims are given as numbers or symbolic names. */
    public static ValueInfo of(String name, ElementType type, Object... dims) {
        return new ValueInfo(name, type, List.of(dims));
    }
}
