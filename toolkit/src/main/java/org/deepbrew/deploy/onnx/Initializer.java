package org.deepbrew.deploy.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant tensor of an ONNX graph (a weight, a bias, a shape), held as little-endian raw bytes
 * as ONNX's {@code raw_data} stores it.
 */
public final class Initializer {
    private final String name;
    private final ElementType type;
    private final long[] dims;
    private final byte[] raw;

    private Initializer(String name, ElementType type, long[] dims, byte[] raw) {
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("Initializer '" + name + "' has a negative dimension: "
                        + Arrays.toString(dims));
            }
            count *= d;
        }
        if (count * type.bytes() != raw.length) {
            throw new IllegalArgumentException("Initializer '" + name + "': shape " + Arrays.toString(dims)
                    + " needs " + count + " values of " + type + ", got " + raw.length / type.bytes());
        }
        this.name = name;
        this.type = type;
        this.dims = dims.clone();
        this.raw = raw;
    }

    /** A float32 tensor of shape {@code dims} holding {@code values} row-major. */
    public static Initializer floats(String name, float[] values, long... dims) {
        ByteBuffer b = buffer(values.length * 4);
        b.asFloatBuffer().put(values);
        return new Initializer(name, ElementType.FLOAT, dims, b.array());
    }

    /** An int64 tensor (shapes, axes, indices). */
    public static Initializer longs(String name, long[] values, long... dims) {
        ByteBuffer b = buffer(values.length * 8);
        b.asLongBuffer().put(values);
        return new Initializer(name, ElementType.INT64, dims, b.array());
    }

    /** An int8 or uint8 tensor: {@code values} are the stored bytes (for uint8, read unsigned). */
    public static Initializer bytes(String name, ElementType type, byte[] values, long... dims) {
        if (type != ElementType.INT8 && type != ElementType.UINT8) {
            throw new IllegalArgumentException("Byte initializers are INT8 or UINT8, not " + type);
        }
        return new Initializer(name, type, dims, values.clone());
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    public long[] dims() {
        return dims.clone();
    }

    /** The values as stored in the file (little-endian); do not modify. */
    byte[] raw() {
        return raw;
    }

    /** The values of a float32 tensor, row-major. */
    public float[] floatValues() {
        if (type != ElementType.FLOAT) {
            throw new IllegalStateException("Initializer '" + name + "' is " + type + ", not FLOAT");
        }
        float[] v = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** Bytes its values take in the file. */
    public long sizeInBytes() {
        return raw.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + " " + type;
    }
}
