package org.deepbrew.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileSizesTest {

    @Test
    void directoriesSumTheirFilesAndGzipCountsTheCompressedBytes() throws Exception {
        Path dir = Files.createTempDirectory("sizes");
        byte[] zeros = new byte[100_000];
        byte[] noise = new byte[100_000];
        new Random(1).nextBytes(noise);
        Files.write(dir.resolve("zeros.bin"), zeros);
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub").resolve("noise.bin"), noise);

        assertEquals(100_000, FileSizes.of(dir.resolve("zeros.bin")));
        assertEquals(200_000, FileSizes.of(dir));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(expected)) {
            gzip.write(noise);
        }
        assertEquals(expected.size(), FileSizes.gzipped(dir.resolve("sub").resolve("noise.bin")));
        assertTrue(FileSizes.gzipped(dir.resolve("zeros.bin")) < 1_000, "zeros compress");
        assertTrue(FileSizes.gzipped(dir.resolve("sub").resolve("noise.bin")) > 99_000, "noise does not");
    }
}
