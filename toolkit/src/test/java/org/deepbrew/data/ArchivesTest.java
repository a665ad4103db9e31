package org.deepbrew.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivesTest {

    /** Writes a .tar.gz with one regular entry per name (content = the name), plus optional link. */
    static Path tarGz(Path file, String linkName, String linkTarget, String... names) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (String n : names) {
                byte[] content = n.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(n, true);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            if (linkName != null) {
                TarArchiveEntry link = new TarArchiveEntry(linkName, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(linkTarget);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    @Test
    void extractsOrdinaryEntries(@TempDir Path tmp) throws IOException {
        Path archive = tarGz(tmp.resolve("ok.tar.gz"), null, null, "a/b.txt", "c.txt");
        Path out = tmp.resolve("out");
        Archives.extract(archive, out);
        assertEquals("a/b.txt", Files.readString(out.resolve("a/b.txt")));
        assertEquals("c.txt", Files.readString(out.resolve("c.txt")));
    }

    @Test
    void refusesParentTraversal(@TempDir Path tmp) throws IOException {
        Path archive = tarGz(tmp.resolve("evil.tar.gz"), null, null, "ok.txt", "../escaped.txt");
        Path out = tmp.resolve("out");
        IOException e = assertThrows(IOException.class, () -> Archives.extract(archive, out));
        assertTrue(e.getMessage().contains("../escaped.txt"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    }

    @Test
    void refusesAbsolutePathsAndEscapingLinks(@TempDir Path tmp) throws IOException {
        Path abs = tarGz(tmp.resolve("abs.tar.gz"), null, null, "/tmp/deepbrew-absolute-test.txt");
        assertThrows(IOException.class, () -> Archives.extract(abs, tmp.resolve("o1")));
        assertFalse(Files.exists(Path.of("/tmp/deepbrew-absolute-test.txt")));

        Path link = tarGz(tmp.resolve("link.tar.gz"), "data/passwd", "../../../../etc/passwd", "data/x.txt");
        IOException e = assertThrows(IOException.class, () -> Archives.extract(link, tmp.resolve("o2")));
        assertTrue(e.getMessage().contains("link"), e.getMessage());
    }
}
