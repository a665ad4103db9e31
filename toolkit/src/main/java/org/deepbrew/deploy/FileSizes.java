package org.deepbrew.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What a model costs on disk: the bytes of a file or of a whole export directory, and the bytes a
 * file takes once gzip-compressed, which is where unstructured pruning's zeros pay off.
 */
public final class FileSizes {
    private FileSizes() {}

    /** Bytes of {@code path}: the file's size, or the sum over every file below a directory. */
    public static long of(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) walk::iterator) {
                sum += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return sum;
        }
    }

    /** Bytes {@code file} takes gzip-compressed at the default level; nothing is written to disk. */
    public static long gzipped(Path file) throws IOException {
        CountingStream counter = new CountingStream();
        try (InputStream in = Files.newInputStream(file); GZIPOutputStream gzip = new GZIPOutputStream(counter)) {
            in.transferTo(gzip);
        }
        return counter.count;
    }

    /** Counts what is written to it and keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
