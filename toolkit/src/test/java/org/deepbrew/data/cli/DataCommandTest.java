package org.deepbrew.data.cli;

import org.deepbrew.data.DataCache;
import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.FetchProgress;
import org.deepbrew.data.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private DataCommand command(Path cache) {
        DatasetResolver r = new DatasetResolver(new DataCache(cache), Manifest.bundled()).progress(FetchProgress.silent());
        return new DataCommand(r, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void verifyExitsNonZeroNamingTheDamagedFileAndFetchRepairsIt(@TempDir Path cache) throws Exception {
        DataCommand cmd = command(cache);
        assertEquals(0, cmd.run("fetch", "sentiment-sentences"), err.toString());
        assertEquals(0, cmd.run("verify", "sentiment-sentences"), err.toString());

        Path amazon = cache.resolve("sentiment-sentences/amazon.json");
        byte[] bytes = Files.readAllBytes(amazon);
        bytes[500] ^= 0x20;
        Files.write(amazon, bytes);
        assertEquals(1, command(cache).run("verify", "sentiment-sentences"));
        assertTrue(err.toString().contains("amazon.json"), err.toString());

        assertEquals(0, command(cache).run("fetch", "sentiment-sentences"), err.toString());
        assertEquals(0, command(cache).run("verify", "sentiment-sentences"), err.toString());
    }

    @Test
    void listShowsEveryDataSetAndUnknownNamesAreUsageErrors(@TempDir Path cache) {
        assertEquals(0, command(cache).run("list"));
        for (String name : Manifest.bundled().names()) {
            assertTrue(out.toString().contains(name), out.toString());
        }
        assertEquals(2, command(cache).run("fetch", "no-such-set"));
        assertTrue(err.toString().contains("fashion-mnist"), err.toString());
        assertEquals(2, command(cache).run("frobnicate"));
    }

    @Test
    void readmeMatchesTheManifest() throws Exception {
        Path readme = Path.of("..", "datasets", "README.md");
        assertEquals(DataCommand.readmeText(Manifest.read(Path.of("..", "datasets", "manifest.json"))),
                Files.readString(readme),
                "datasets/README.md is stale: run DataCommand readme datasets/README.md");
    }
}
