package org.deepbrew.nlp.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An initializer of an ONNX graph: a named, constant tensor such as a weight matrix.
 * Values are decoded lazily from the file's bytes.
 */
public final class OnnxTensor {
    /** ONNX {@code TensorProto.DataType} codes used here. */
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    private final String name;
    private final long[] dims;
    private final int dataType;
    private final ByteBuffer rawData;
    private final float[] floatData;
    private final long[] int64Data;

    OnnxTensor(String name, long[] dims, int dataType, ByteBuffer rawData, float[] floatData, long[] int64Data) {
        this.name = name;
        this.dims = dims;
        this.dataType = dataType;
        this.rawData = rawData;
        this.floatData = floatData;
        this.int64Data = int64Data;
    }

    public String name() {
        return name;
    }

    /** The tensor's shape; empty for a scalar. */
    public long[] dims() {
        return dims.clone();
    }

    /** The ONNX data-type code ({@link #FLOAT} = 1, {@link #INT64} = 7, …). */
    public int dataType() {
        return dataType;
    }

    /** The number of elements: the product of the dims. */
    public long size() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The values of a float32 tensor, row-major. */
    public float[] floats() {
        if (dataType != FLOAT) {
            throw new IllegalStateException("Tensor '" + name + "' holds ONNX data type " + dataType + ", not float32");
        }
        if (rawData != null) {
            float[] values = new float[rawData.remaining() / 4];
            rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
        return floatData.clone();
    }

    /** The values of an int64 tensor, row-major. */
    public long[] longs() {
        if (dataType != INT64) {
            throw new IllegalStateException("Tensor '" + name + "' holds ONNX data type " + dataType + ", not int64");
        }
        if (rawData != null) {
            long[] values = new long[rawData.remaining() / 8];
            rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
            return values;
        }
        return int64Data.clone();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + " type " + dataType;
    }
}
