package org.deepbrew.nlp.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf wire format from a byte buffer: varints, fixed 32/64-bit values and
 * length-delimited fields. It knows nothing about messages; callers loop over
 * {@link #nextField()} and decode the fields they care about, skipping the rest.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private final int end;
    private int wireType;

    /** A reader over {@code buffer}'s bytes from its position to its limit. */
    ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.end = buffer.limit();
    }

    /** True while there are fields left to read. */
    boolean hasMore() {
        return buffer.position() < end;
    }

    /** Reads the next field's tag and returns its field number; the wire type is kept for reading the value. */
    int nextField() {
        long tag = readVarint();
        wireType = (int) (tag & 7);
        return (int) (tag >>> 3);
    }

    int wireType() {
        return wireType;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("Malformed protobuf varint at byte " + buffer.position());
    }

    /** The bytes of a length-delimited field, as a view (no copy), positioned at 0. */
    ByteBuffer readBytes() {
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalStateException("Truncated protobuf field: needs " + length
                    + " bytes, " + buffer.remaining() + " left");
        }
        ByteBuffer slice = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) length);
        buffer.position(buffer.position() + (int) length);
        return slice;
    }

    String readString() {
        ByteBuffer bytes = readBytes();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return new String(array, StandardCharsets.UTF_8);
    }

    /** A nested message: a new reader over the field's bytes. */
    ProtoReader readMessage() {
        return new ProtoReader(readBytes());
    }

    float readFixed32Float() {
        return buffer.getFloat();
    }

    /**
     * Reads the values of a repeated integer field, whether it was written packed (one
     * length-delimited run of varints) or one value per tag; {@code sink} receives each value.
     */
    void readVarints(java.util.function.LongConsumer sink) {
        if (wireType == LENGTH_DELIMITED) {
            ProtoReader packed = new ProtoReader(readBytes());
            while (packed.hasMore()) {
                sink.accept(packed.readVarint());
            }
        } else {
            sink.accept(readVarint());
        }
    }

    /** Reads a repeated float field, packed or not. */
    void readFloats(FloatSink sink) {
        if (wireType == LENGTH_DELIMITED) {
            ByteBuffer packed = readBytes();
            while (packed.remaining() >= 4) {
                sink.accept(packed.getFloat());
            }
        } else {
            sink.accept(readFixed32Float());
        }
    }

    /** Skips the value of the field whose tag was just read. */
    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> buffer.position(buffer.position() + 8);
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> buffer.position(buffer.position() + 4);
            default -> throw new IllegalStateException("Unsupported protobuf wire type " + wireType
                    + " at byte " + buffer.position() + " (groups are not used by ONNX)");
        }
    }

    /** Receives float values without boxing. */
    @FunctionalInterface
    interface FloatSink {
        void accept(float value);
    }
}
