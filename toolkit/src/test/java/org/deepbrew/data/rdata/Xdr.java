package org.deepbrew.data.rdata;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes R serialization streams byte by byte, as R's {@code serialize(x, NULL, xdr = TRUE)} lays
 * them out, so the reader's tests need no R and no binary fixtures.
 */
final class Xdr {
    static final int HAS_ATTR = 1 << 9;
    static final int HAS_TAG = 1 << 10;
    static final int IS_OBJECT = 1 << 8;
    static final int UTF8 = 1 << 3 << 12;
    static final int ASCII = 1 << 6 << 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** A version-3 stream header with native encoding UTF-8. */
    static Xdr v3() {
        Xdr x = new Xdr();
        x.raw("X\n".getBytes(StandardCharsets.US_ASCII)).i(3).i(0x040201).i(0x030500).i(5)
                .raw("UTF-8".getBytes(StandardCharsets.US_ASCII));
        return x;
    }

    /** A version-2 stream header. */
    static Xdr v2() {
        Xdr x = new Xdr();
        x.raw("X\n".getBytes(StandardCharsets.US_ASCII)).i(2).i(0x030402).i(0x020300);
        return x;
    }

    Xdr i(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Xdr d(double v) {
        try {
            out.writeLong(Double.doubleToRawLongBits(v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Xdr raw(byte[] b) {
        bytes.writeBytes(b);
        return this;
    }

    Xdr nil() {
        return i(254);
    }

    /** A CHARSXP; null writes NA_character_. */
    Xdr chars(String s) {
        if (s == null) {
            return i(9).i(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        boolean ascii = b.length == s.length();
        return i(9 | (ascii ? ASCII : UTF8)).i(b.length).raw(b);
    }

    /** A character vector of {@code values}; attributes follow if {@code extraFlags} has HAS_ATTR. */
    Xdr strings(int extraFlags, String... values) {
        i(16 | extraFlags).i(values.length);
        for (String s : values) {
            chars(s);
        }
        return this;
    }

    Xdr ints(int extraFlags, int... values) {
        i(13 | extraFlags).i(values.length);
        for (int v : values) {
            i(v);
        }
        return this;
    }

    Xdr doubles(int extraFlags, double... values) {
        i(14 | extraFlags).i(values.length);
        for (double v : values) {
            d(v);
        }
        return this;
    }

    /** A symbol written in full (it enters the reader's reference table). */
    Xdr symbol(String name) {
        return i(1).chars(name);
    }

    /** A reference to the {@code index}-th (from 1) symbol written so far. */
    Xdr ref(int index) {
        return i(255 | (index << 8));
    }

    /** Starts a pairlist cell whose tag follows (write the tag, then the value). */
    Xdr cell() {
        return i(2 | HAS_TAG);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
