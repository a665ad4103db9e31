package org.deepbrew.data.rdata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * An R lazy-load database, the pair of files in which an installed R package keeps its data sets
 * ({@code data/Rdata.rdb} and {@code data/Rdata.rdx}), read without R.
 *
 * <p>The {@code .rdx} index is a gzip-compressed serialized list: {@code variables} maps each object's
 * name to its (offset, length) in the {@code .rdb}, {@code references} maps environments (not
 * supported here), and {@code compressed} says how entries are packed. Each {@code .rdb} entry is a
 * 4-byte big-endian uncompressed length followed by a zlib stream ({@code compressed = TRUE}), or,
 * for the newer schemes 2 and 3, by a one-byte method ('Z' zlib, '2' bzip2, '0' stored; xz refused)
 * and the payload. The payload is one object in R's serialization format ({@link RSerialization}).
 *
 * <pre>{@code
 * RLazyLoad db = RLazyLoad.open(Path.of("/usr/lib/R/site-library/dslabs/data"));
 * Table t = RDataFrames.toTable(db.read("movielens"), "movielens");
 * }</pre>
 */
public final class RLazyLoad {
    private final Path rdb;
    private final Map<String, long[]> variables;
    private final int compression;

    private RLazyLoad(Path rdb, Map<String, long[]> variables, int compression) {
        this.rdb = rdb;
        this.variables = variables;
        this.compression = compression;
    }

    /**
     * Opens the database at {@code dirOrRdb}: a folder holding one {@code .rdb}/{@code .rdx} pair
     * (preferring {@code Rdata.rdb}), or the {@code .rdb} or {@code .rdx} file itself. Reads only the index.
     */
    public static RLazyLoad open(Path dirOrRdb) throws IOException {
        Path rdb = rdbOf(dirOrRdb);
        String base = rdb.getFileName().toString();
        Path rdx = rdb.resolveSibling(base.substring(0, base.length() - ".rdb".length()) + ".rdx");
        if (!Files.isRegularFile(rdb) || !Files.isRegularFile(rdx)) {
            throw new java.io.FileNotFoundException("an R lazy-load database needs both " + rdb + " and " + rdx);
        }
        RValue index;
        try (InputStream in = Files.newInputStream(rdx)) {
            index = RSerialization.read(in);
        } catch (RFormatException e) {
            throw new RFormatException(rdx + ": " + e.getMessage(), e);
        }
        return new RLazyLoad(rdb, variables(index, rdx), compression(index, rdx));
    }

    private static Path rdbOf(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            Path preferred = p.resolve("Rdata.rdb");
            if (Files.isRegularFile(preferred)) {
                return preferred;
            }
            List<Path> found;
            try (Stream<Path> s = Files.list(p)) {
                found = s.filter(f -> f.getFileName().toString().endsWith(".rdb")).sorted().toList();
            }
            if (found.size() != 1) {
                throw new java.io.FileNotFoundException(p + " holds " + found.size()
                        + " .rdb files " + found + "; name the one to open");
            }
            return found.get(0);
        }
        String name = p.getFileName().toString();
        if (name.endsWith(".rdx")) {
            return p.resolveSibling(name.substring(0, name.length() - 4) + ".rdb");
        }
        if (!name.endsWith(".rdb")) {
            throw new IOException(p + " is neither a folder nor an .rdb/.rdx file");
        }
        return p;
    }

    private static Map<String, long[]> variables(RValue index, Path rdx) throws RFormatException {
        if (!(index instanceof RList list) || !(list.get("variables").orElse(null) instanceof RList vars)) {
            throw new RFormatException(rdx + ": not a lazy-load index (no 'variables' list): " + index);
        }
        List<String> names = vars.attributes().names();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (int i = 0; i < vars.length(); i++) {
            RValue v = vars.get(i);
            long[] pos;
            if (v instanceof RIntVector iv && iv.length() == 2) {
                pos = new long[] {iv.get(0), iv.get(1)};
            } else if (v instanceof RDoubleVector dv && dv.length() == 2) { // offsets past 2 GiB are doubles
                pos = new long[] {(long) dv.get(0), (long) dv.get(1)};
            } else {
                throw new RFormatException(rdx + ": entry " + i + " of 'variables' is " + v + ", expected (offset, length)");
            }
            out.put(names.get(i), pos);
        }
        return Collections.unmodifiableMap(out);
    }

    private static int compression(RValue index, Path rdx) throws RFormatException {
        RValue c = ((RList) index).get("compressed").orElse(null);
        if (c instanceof RLogicalVector l && l.length() == 1 && !l.isNA(0)) {
            return l.get(0) ? 1 : 0;
        }
        if (c instanceof RIntVector iv && iv.length() == 1) {
            return iv.get(0);
        }
        if (c instanceof RDoubleVector dv && dv.length() == 1) {
            return (int) dv.get(0);
        }
        throw new RFormatException(rdx + ": 'compressed' is " + c + ", expected TRUE/FALSE or 2/3");
    }

    /** The names of the objects in the database, in index order. */
    public List<String> names() {
        return new ArrayList<>(variables.keySet());
    }

    /** The {@code .rdb} file this database reads. */
    public Path rdb() {
        return rdb;
    }

    /**
     * Reads object {@code name}.
     *
     * @throws IllegalArgumentException if there is no such object (the message lists the names)
     * @throws RFormatException if the entry is corrupt or holds something this reader does not support
     */
    public RValue read(String name) throws IOException {
        long[] pos = variables.get(name);
        if (pos == null) {
            throw new IllegalArgumentException("no object '" + name + "' in " + rdb + "; it holds " + names());
        }
        try {
            return RSerialization.read(payload(entry(pos[0], (int) pos[1])));
        } catch (RFormatException e) {
            throw new RFormatException(rdb + " object '" + name + "': " + e.getMessage(), e);
        }
    }

    private byte[] entry(long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(rdb, StandardOpenOption.READ)) {
            if (offset < 0 || offset + length > ch.size()) {
                throw new RFormatException("entry at " + offset + " of " + length + " bytes lies outside the "
                        + ch.size() + "-byte file");
            }
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) >= 0) {
                // keep reading until full
            }
            return buf.array();
        }
    }

    /** Unpacks an entry: 4-byte big-endian length, then the payload as {@link #compression} says. */
    private byte[] payload(byte[] entry) throws RFormatException {
        if (entry.length < 4) {
            throw new RFormatException("entry of " + entry.length + " bytes is too short for its length header");
        }
        int size = ByteBuffer.wrap(entry).getInt();
        if (compression == 0) {
            return java.util.Arrays.copyOfRange(entry, 4, entry.length);
        }
        int start = 4;
        if (compression != 1) {
            char method = (char) entry[4];
            start = 5;
            switch (method) {
                case 'Z':
                    break;
                case '0':
                    return java.util.Arrays.copyOfRange(entry, start, entry.length);
                case '2':
                    return bunzip2(entry, start, size);
                case 'X':
                    throw new RFormatException("entry is xz-compressed, which this reader does not support");
                default:
                    throw new RFormatException("entry has unknown compression method '" + method + "'");
            }
        }
        return inflate(entry, start, size);
    }

    private static byte[] bunzip2(byte[] entry, int start, int size) throws RFormatException {
        try (InputStream in = new BZip2CompressorInputStream(
                new java.io.ByteArrayInputStream(entry, start, entry.length - start))) {
            byte[] out = in.readNBytes(size);
            if (out.length != size) {
                throw new RFormatException("truncated bzip2 entry: it declares " + size + " bytes but holds " + out.length);
            }
            return out;
        } catch (RFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new RFormatException("corrupt bzip2 entry: " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] entry, int start, int size) throws RFormatException {
        if (size < 0) {
            throw new RFormatException("entry declares a negative uncompressed length " + size);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(entry, start, entry.length - start);
            byte[] out = new byte[size];
            int n = 0;
            while (n < size && !inflater.finished()) {
                int k = inflater.inflate(out, n, size - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != size) {
                throw new RFormatException("truncated zlib entry: it declares " + size + " bytes but holds " + n);
            }
            return out;
        } catch (DataFormatException e) {
            throw new RFormatException("corrupt zlib entry: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
