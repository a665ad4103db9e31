package org.deepbrew.deploy.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Int8 weight storage for any DJL block (such as {@code models.Cnn}'s): every weight of rank 2 or more
 * (convolution kernels, dense matrices) is stored as symmetric int8 with one scale per output channel
 * (its first dimension); biases and normalisation parameters stay float32. Loading dequantises back to
 * float32, so the model runs as before at a quarter of the file size; accuracy is what changes.
 *
 * <pre>{@code
 * Int8WeightFile.save(block, Path.of("cnn.int8"));
 * Int8WeightFile.load(sameShapedInitializedBlock, Path.of("cnn.int8"));
 * }</pre>
 */
public final class Int8WeightFile {
    private static final int MAGIC = 0x44425138; // "DBQ8"
    private static final int VERSION = 1;
    private static final byte FLOAT32 = 0;
    private static final byte INT8 = 1;

    private Int8WeightFile() {
    }

    /** Writes {@code block}'s initialized parameters to {@code file}; returns the file's size in bytes. */
    public static long save(Block block, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(block.getParameters().size());
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (!p.getValue().isInitialized()) {
                    throw new IllegalStateException("Parameter '" + p.getKey() + "' is not initialized; train or initialize the block first");
                }
                NDArray array = p.getValue().getArray();
                long[] dims = array.getShape().getShape();
                float[] values = array.toFloatArray();
                out.writeUTF(p.getKey());
                boolean quantise = dims.length >= 2;
                out.writeByte(quantise ? INT8 : FLOAT32);
                out.writeInt(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                if (quantise) {
                    writeInt8(out, values, (int) dims[0]);
                } else {
                    for (float v : values) {
                        out.writeFloat(v);
                    }
                }
            }
        }
        return Files.size(file);
    }

    private static void writeInt8(DataOutputStream out, float[] values, int channels) throws IOException {
        int perChannel = values.length / channels;
        float[] scales = channelScales(values, channels);
        byte[] q = new byte[values.length];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < perChannel; i++) {
                int at = c * perChannel + i;
                q[at] = (byte) Math.max(-127, Math.min(127, Math.round(values[at] / scales[c])));
            }
        }
        for (float s : scales) {
            out.writeFloat(s);
        }
        out.write(q);
    }

    /** One symmetric scale per output channel: its largest magnitude maps to 127 (1 for an all-zero channel). */
    static float[] channelScales(float[] values, int channels) {
        int perChannel = values.length / channels;
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            float max = 0;
            for (int i = 0; i < perChannel; i++) {
                max = Math.max(max, Math.abs(values[c * perChannel + i]));
            }
            scales[c] = max == 0 ? 1f : max / 127f;
        }
        return scales;
    }

    /**
     * Reads a file written by {@link #save} into {@code block}, which must already be initialized with
     * the same structure; int8 weights are dequantised to float32.
     */
    public static void load(Block block, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not an int8 weight file (wrong magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has int8 weight format version " + version + "; this reader knows " + VERSION);
            }
            int count = in.readInt();
            if (count != block.getParameters().size()) {
                throw new IOException(file + " holds " + count + " parameters; the block has " + block.getParameters().size());
            }
            for (Pair<String, Parameter> p : block.getParameters()) {
                String name = in.readUTF();
                if (!name.equals(p.getKey())) {
                    throw new IOException(file + ": expected parameter '" + p.getKey() + "', found '" + name + "'");
                }
                byte kind = in.readByte();
                long[] dims = new long[in.readInt()];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = in.readLong();
                }
                NDArray target = p.getValue().getArray();
                if (!Arrays.equals(dims, target.getShape().getShape())) {
                    throw new IOException(file + ": parameter '" + name + "' has shape " + new Shape(dims)
                            + " in the file but " + target.getShape() + " in the block");
                }
                int size = (int) new Shape(dims).size();
                float[] values = new float[size];
                if (kind == INT8) {
                    int channels = (int) dims[0];
                    float[] scales = new float[channels];
                    for (int c = 0; c < channels; c++) {
                        scales[c] = in.readFloat();
                    }
                    byte[] q = new byte[size];
                    in.readFully(q);
                    int perChannel = size / channels;
                    for (int i = 0; i < size; i++) {
                        values[i] = q[i] * scales[i / perChannel];
                    }
                } else {
                    for (int i = 0; i < size; i++) {
                        values[i] = in.readFloat();
                    }
                }
                target.set(FloatBuffer.wrap(values));
            }
        }
    }
}
