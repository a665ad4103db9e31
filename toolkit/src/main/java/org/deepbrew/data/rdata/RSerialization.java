package org.deepbrew.data.rdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads R's serialization format (what {@code saveRDS} and lazy-load databases hold), versions 2
 * and 3, XDR binary encoding, without R.
 *
 * <p>The stream is a header ({@code X\n}, format version, writer and minimal reader R versions and,
 * for version 3, the native encoding) and one item. Each item starts with a 32-bit big-endian
 * flags word: the type in its low 8 bits, bit 8 "is object", bit 9 "has attributes", bit 10 "has
 * tag", and the general-purpose levels (string encodings) from bit 12. Symbols are written once and
 * then referred to by position ({@code REFSXP}), so the reader keeps a reference table.
 *
 * <p>Supported: {@code NULL}, symbols, pairlists (read as named {@link RList}s), logical, integer,
 * double and character vectors, generic lists, and the ALTREP compact sequences and wrappers R 3.5+
 * writes. Anything else (closures, environments, language objects, complex or raw vectors, S4
 * objects) fails with an {@link RFormatException} naming the type and its byte offset.
 */
public final class RSerialization {
    private static final int HAS_ATTR = 1 << 9;
    private static final int HAS_TAG = 1 << 10;
    private static final int LATIN1 = 1 << 2;
    private static final int BYTES = 1 << 1;

    private final Cursor in;
    private final List<RValue> references = new ArrayList<>();
    private Charset nativeCharset = StandardCharsets.UTF_8;

    private RSerialization(byte[] bytes) {
        this.in = new Cursor(bytes);
    }

    /** Reads one serialized object from {@code bytes}, header included. */
    public static RValue read(byte[] bytes) throws RFormatException {
        RSerialization r = new RSerialization(bytes);
        r.readHeader();
        return r.readItem();
    }

    /** Reads one serialized object from {@code in}, gunzipping it first when it is gzip-compressed. */
    public static RValue read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = gz.readAllBytes();
            }
        }
        return read(bytes);
    }

    /** Reads an {@code .rds} file (plain or gzip-compressed XDR serialization). */
    public static RValue read(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            return read(s);
        } catch (RFormatException e) {
            throw new RFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private void readHeader() throws RFormatException {
        if (in.remaining() < 2) {
            throw new RFormatException("not an R serialization stream: " + in.remaining() + " bytes");
        }
        byte f = in.readByte();
        byte nl = in.readByte();
        if (f != 'X' || nl != '\n') {
            String what = f == 'A' ? "ASCII" : f == 'B' ? "native binary" : null;
            throw new RFormatException(what != null
                    ? "R serialization in " + what + " format is not supported, only XDR ('X')"
                    : String.format("not an R serialization stream: starts with bytes %02x %02x, expected 'X\\n'",
                    f & 0xff, nl & 0xff));
        }
        int version = in.readInt();
        in.readInt(); // the R version that wrote it
        in.readInt(); // the oldest R version that can read it
        if (version == 3) {
            int n = in.readInt();
            String enc = new String(in.readBytes(n), StandardCharsets.US_ASCII);
            nativeCharset = charsetOf(enc);
        } else if (version != 2) {
            throw new RFormatException("R serialization version " + version + " is not supported, only 2 and 3");
        }
    }

    private static Charset charsetOf(String encoding) {
        String e = encoding.toUpperCase(java.util.Locale.ROOT);
        if (e.contains("LATIN1") || e.contains("8859-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        return StandardCharsets.UTF_8;
    }

    private RValue readItem() throws RFormatException {
        long at = in.position();
        return readItem(in.readInt(), at);
    }

    private RValue readItem(int flags, long at) throws RFormatException {
        int type = flags & 0xff;
        switch (type) {
            case 254: // NILVALUE_SXP
            case 0: // NILSXP written in full
                return RNull.NULL;
            case 255: { // REFSXP
                int index = flags >>> 8;
                if (index == 0) {
                    index = in.readInt();
                }
                if (index < 1 || index > references.size()) {
                    throw new RFormatException("reference " + index + " at byte " + at + " but only "
                            + references.size() + " objects are in the reference table");
                }
                return references.get(index - 1);
            }
            case 1: { // SYMSXP: a CHARSXP item follows
                RValue printName = readItem();
                if (!(printName instanceof RStringVector s) || s.length() != 1 || s.isNA(0)) {
                    throw new RFormatException("symbol at byte " + at + " has no name");
                }
                RSymbol symbol = new RSymbol(s.get(0));
                references.add(symbol);
                return symbol;
            }
            case 2: // LISTSXP
                return readPairlist(flags, at).toList();
            case 9: // CHARSXP outside a character vector
                return new RStringVector(new String[] {readCharsxp(flags, at)}, RAttributes.NONE);
            case 10: {
                int[] v = readInts(readLength(at));
                return new RLogicalVector(v, readAttributes(flags));
            }
            case 13: {
                int[] v = readInts(readLength(at));
                return new RIntVector(v, readAttributes(flags));
            }
            case 14: {
                double[] v = readDoubles(readLength(at));
                return new RDoubleVector(v, readAttributes(flags));
            }
            case 16: {
                int n = readLength(at);
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    long elementAt = in.position();
                    int elementFlags = in.readInt();
                    if ((elementFlags & 0xff) != 9) {
                        throw new RFormatException("character vector element " + i + " at byte " + elementAt
                                + " is " + SexpType.describe(elementFlags & 0xff) + ", expected CHARSXP (9)");
                    }
                    v[i] = readCharsxp(elementFlags, elementAt);
                }
                return new RStringVector(v, readAttributes(flags));
            }
            case 19:
            case 20: { // VECSXP, EXPRSXP
                int n = readLength(at);
                List<RValue> v = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    v.add(readItem());
                }
                return new RList(v, readAttributes(flags));
            }
            case 238:
                return readAltrep(flags, at);
            default:
                throw new RFormatException("unsupported R type " + SexpType.describe(type) + " at byte " + at
                        + " of the serialized stream; this reader handles NULL, symbols, pairlists, logical, "
                        + "integer, double and character vectors and lists");
        }
    }

    /** A pairlist's cells, read iteratively so long pairlists do not exhaust the stack. */
    private Pairlist readPairlist(int flags, long at) throws RFormatException {
        Pairlist p = new Pairlist();
        int cell = flags;
        while (true) {
            if ((cell & HAS_ATTR) != 0) {
                p.attributes = toAttributes(readItem(), at);
            }
            String tag = null;
            if ((cell & HAS_TAG) != 0) {
                long tagAt = in.position();
                RValue t = readItem();
                if (!(t instanceof RSymbol s)) {
                    throw new RFormatException("pairlist tag at byte " + tagAt + " is " + t.typeName() + ", not a symbol");
                }
                tag = s.name();
            }
            p.tags.add(tag);
            p.values.add(readItem());
            long nextAt = in.position();
            int next = in.readInt();
            int nextType = next & 0xff;
            if (nextType == 254) {
                return p;
            }
            if (nextType != 2) {
                throw new RFormatException("pairlist ends at byte " + nextAt + " with "
                        + SexpType.describe(nextType) + " instead of NULL");
            }
            cell = next;
        }
    }

    private RAttributes readAttributes(int flags) throws RFormatException {
        if ((flags & HAS_ATTR) == 0) {
            return RAttributes.NONE;
        }
        long at = in.position();
        return toAttributes(readItem(), at);
    }

    private static RAttributes toAttributes(RValue value, long at) throws RFormatException {
        if (value == RNull.NULL) {
            return RAttributes.NONE;
        }
        if (!(value instanceof RList list)) {
            throw new RFormatException("attributes at byte " + at + " are " + value.typeName() + ", not a pairlist");
        }
        List<String> names = list.attributes().names();
        Map<String, RValue> map = new LinkedHashMap<>();
        for (int i = 0; i < list.length(); i++) {
            String name = i < names.size() ? names.get(i) : null;
            if (name == null || name.isEmpty()) {
                throw new RFormatException("attribute " + i + " at byte " + at + " has no name");
            }
            map.put(name, list.get(i));
        }
        return RAttributes.of(map);
    }

    private String readCharsxp(int flags, long at) throws RFormatException {
        int n = in.readInt();
        if (n == -1) {
            return null; // NA_character_
        }
        if (n < 0) {
            throw new RFormatException("string at byte " + at + " has negative length " + n);
        }
        int levels = flags >>> 12;
        byte[] b = in.readBytes(n);
        if ((levels & BYTES) != 0 || (levels & LATIN1) != 0) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        // UTF-8 and ASCII flags and unflagged (native) strings.
        return new String(b, (levels & ((1 << 3) | (1 << 6))) != 0 ? StandardCharsets.UTF_8 : nativeCharset);
    }

    /**
     * An ALTREP object: class information, state and attributes. R writes compact integer
     * sequences ({@code 1:n}) this way, and wrappers around ordinary vectors.
     */
    private RValue readAltrep(int flags, long at) throws RFormatException {
        RValue info = readItem();
        RValue state = readItem();
        long attrAt = in.position();
        RAttributes attributes = toAttributes(readItem(), attrAt);
        String cls = info instanceof RList l && l.length() > 0 && l.get(0) instanceof RSymbol s ? s.name() : "?";
        switch (cls) {
            case "compact_intseq": {
                double[] s = sequenceState(state, cls, at);
                long n = (long) s[0];
                if (n < 0 || n > Integer.MAX_VALUE) {
                    throw new RFormatException(cls + " at byte " + at + " has length " + n);
                }
                int[] v = new int[(int) n];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (int) (s[1] + (long) i * (long) s[2]);
                }
                return new RIntVector(v, attributes);
            }
            case "compact_realseq": {
                double[] s = sequenceState(state, cls, at);
                double[] v = new double[(int) s[0]];
                for (int i = 0; i < v.length; i++) {
                    v[i] = s[1] + i * s[2];
                }
                return new RDoubleVector(v, attributes);
            }
            case "wrap_integer": case "wrap_real": case "wrap_logical": case "wrap_string": case "wrap_list": {
                if (!(state instanceof RList l) || l.length() < 1) {
                    throw new RFormatException(cls + " at byte " + at + " has no wrapped vector");
                }
                return withAttributes(l.get(0), attributes, at);
            }
            default:
                throw new RFormatException("unsupported ALTREP class '" + cls + "' (type "
                        + SexpType.describe(flags & 0xff) + ") at byte " + at
                        + "; supported: compact_intseq, compact_realseq, wrap_*");
        }
    }

    private static double[] sequenceState(RValue state, String cls, long at) throws RFormatException {
        if (state instanceof RDoubleVector d && d.length() == 3) {
            return d.toArray();
        }
        throw new RFormatException(cls + " at byte " + at + " has state " + state + ", expected (length, start, step)");
    }

    private static RValue withAttributes(RValue v, RAttributes a, long at) throws RFormatException {
        if (a.isEmpty()) {
            return v;
        }
        if (v instanceof RIntVector x) {
            return new RIntVector(x.toArray(), a);
        } else if (v instanceof RDoubleVector x) {
            return new RDoubleVector(x.toArray(), a);
        } else if (v instanceof RLogicalVector x) {
            int[] raw = new int[x.length()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = x.isNA(i) ? RIntVector.NA : x.get(i) ? 1 : 0;
            }
            return new RLogicalVector(raw, a);
        } else if (v instanceof RStringVector x) {
            return new RStringVector(x.asList().toArray(new String[0]), a);
        } else if (v instanceof RList x) {
            return new RList(x.asList(), a);
        }
        throw new RFormatException("ALTREP wrapper at byte " + at + " wraps " + v.typeName());
    }

    private int readLength(long at) throws RFormatException {
        int n = in.readInt();
        if (n == -1) { // a long vector: upper and lower 32 bits follow
            long len = ((long) in.readInt() << 32) | (in.readInt() & 0xffffffffL);
            throw new RFormatException("vector at byte " + at + " has " + len + " elements, more than Java arrays hold");
        }
        if (n < 0) {
            throw new RFormatException("vector at byte " + at + " has negative length " + n);
        }
        return n;
    }

    private int[] readInts(int n) throws RFormatException {
        in.require(4L * n, "an integer vector of " + n);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private double[] readDoubles(int n) throws RFormatException {
        in.require(8L * n, "a double vector of " + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
        }
        return v;
    }

    /** The cells of a pairlist while it is being read. */
    private static final class Pairlist {
        final List<String> tags = new ArrayList<>();
        final List<RValue> values = new ArrayList<>();
        RAttributes attributes = RAttributes.NONE;

        RList toList() {
            boolean tagged = tags.stream().anyMatch(t -> t != null);
            if (!tagged) {
                return new RList(values, attributes);
            }
            Map<String, RValue> a = new LinkedHashMap<>();
            a.put("names", new RStringVector(tags.stream().map(t -> t == null ? "" : t).toArray(String[]::new),
                    RAttributes.NONE));
            a.putAll(attributes.asMap());
            return new RList(values, RAttributes.of(a));
        }
    }

    /** Big-endian reads over a byte array that report truncation with the offset. */
    private static final class Cursor {
        private final byte[] b;
        private int pos;

        Cursor(byte[] b) {
            this.b = b;
        }

        long position() {
            return pos;
        }

        int remaining() {
            return b.length - pos;
        }

        void require(long n, String what) throws RFormatException {
            if (n > remaining()) {
                throw new RFormatException("truncated R serialization stream: " + what + " needs " + n
                        + " bytes at byte " + pos + " but only " + remaining() + " remain");
            }
        }

        byte readByte() throws RFormatException {
            require(1, "a byte");
            return b[pos++];
        }

        int readInt() throws RFormatException {
            require(4, "a 4-byte integer");
            int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long readLong() throws RFormatException {
            long hi = readInt() & 0xffffffffL;
            return (hi << 32) | (readInt() & 0xffffffffL);
        }

        byte[] readBytes(int n) throws RFormatException {
            require(n, "a string of " + n + " bytes");
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }
    }
}
