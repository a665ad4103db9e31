package org.deepbrew.data.vision;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (big-endian header: magic {@code 0x0000 08 d},
 * then {@code d} dimension sizes, then unsigned bytes). Gzipped files are recognised by content.
 */
public final class Idx {
    private Idx() {}

    /** An IDX file's shape and raw unsigned bytes. */
    public record Content(int[] shape, byte[] data) {
        /** Number of items (the first dimension). */
        public int count() {
            return shape[0];
        }
    }

    /** Reads an IDX file, gzipped or not. */
    public static Content read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads IDX content from a stream; {@code what} names it in error messages. */
    public static Content read(InputStream in, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
            throw new IOException(what + " is not an unsigned-byte IDX file (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int dims = magic & 0xff;
        if (dims < 1 || dims > 4) {
            throw new IOException(what + ": unsupported IDX rank " + dims);
        }
        int[] shape = new int[dims];
        long total = 1;
        for (int i = 0; i < dims; i++) {
            shape[i] = data.readInt();
            total *= shape[i];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IOException(what + " is too large: " + total + " bytes");
        }
        byte[] bytes = new byte[(int) total];
        try {
            data.readFully(bytes);
        } catch (java.io.EOFException e) {
            throw new IOException(what + " is truncated: expected " + total + " data bytes", e);
        }
        return new Content(shape, bytes);
    }
}
