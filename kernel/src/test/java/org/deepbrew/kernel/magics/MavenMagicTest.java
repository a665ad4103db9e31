package org.deepbrew.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %maven} and {@link MavenResolver}, without network: the remote is disabled in every test. */
class MavenMagicTest {
    @TempDir
    Path repo;

    /**
     * A local repository with a small graph:
     * app:1.0 -> util:1.0 -> base:1.0, and tool:1.0 -> base:2.0; base:2.0 also exists alone.
     */
    @BeforeEach
    void fillRepository() throws IOException {
        artifact("base", "1.0");
        artifact("base", "2.0");
        artifact("util", "1.0", "base:1.0");
        artifact("app", "1.0", "util:1.0");
        artifact("tool", "1.0", "base:2.0");
        artifact("testonly", "1.0");
        // A test-scoped dependency must not reach the notebook's classpath.
        Path pom = repo.resolve("org/example/app/1.0/app-1.0.pom");
        Files.writeString(pom, Files.readString(pom).replace("</dependencies>",
                "<dependency><groupId>org.example</groupId><artifactId>testonly</artifactId><version>1.0</version>"
                        + "<scope>test</scope></dependency></dependencies>"));
    }

    private MavenResolver offline() {
        return MavenResolver.builder().optLocalRepository(repo).optNoCentral().optOffline(true).build();
    }

    @Test
    void resolvesTransitiveRuntimeDependencies() {
        List<String> files = names(offline().resolve(List.of("org.example:app:1.0")));
        assertEquals(List.of("app-1.0.jar", "util-1.0.jar", "base-1.0.jar"), files);
    }

    @Test
    void oneResolutionMediatesVersions() {
        // Requested together, the nearer declaration wins: base 2.0 (depth 1) beats base 1.0 (depth 2).
        List<String> files = names(offline().resolve(List.of("org.example:app:1.0", "org.example:base:2.0")));
        assertEquals(List.of("app-1.0.jar", "base-2.0.jar", "util-1.0.jar"), files.stream().sorted().toList());
        // At equal depth, the first declared wins, and only one base jar ever reaches the classpath.
        List<String> both = names(offline().resolve(List.of("org.example:tool:1.0", "org.example:util:1.0")));
        assertEquals(1, both.stream().filter(n -> n.startsWith("base-")).count(), both.toString());
        assertTrue(both.contains("base-2.0.jar"), both.toString());
    }

    @Test
    void magicAddsTheJarsAndSaysWhich() throws Exception {
        RecordingContext kernel = new RecordingContext();
        MagicInterpreter interpreter = new MagicInterpreter(BuiltinMagics.registry(this::offline), kernel);
        interpreter.run("%maven org.example:app:1.0");
        assertEquals(List.of("app-1.0.jar", "util-1.0.jar", "base-1.0.jar"), names(kernel.classpath));
        assertTrue(kernel.output().contains("Added to classpath: " + repo.resolve("org/example/util/1.0/util-1.0.jar")),
                kernel.output());
    }

    @Test
    void manyJarsAreSummarizedInOneLine() throws Exception {
        String[] parts = new String[12];
        for (int i = 0; i < parts.length; i++) {
            artifact("part" + i, "1.0");
            parts[i] = "part" + i + ":1.0";
        }
        artifact("framework", "1.0", parts);
        RecordingContext kernel = new RecordingContext();
        MagicInterpreter interpreter = new MagicInterpreter(BuiltinMagics.registry(this::offline), kernel);
        interpreter.run("%maven org.example:framework:1.0");
        assertEquals(13, kernel.classpath.size(), "every jar still reaches the classpath");
        List<String> lines = kernel.output().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), kernel.output());
        assertTrue(lines.get(0).startsWith("Added to classpath: 13 jars: framework-1.0.jar, part0-1.0.jar"), lines.get(0));
        assertTrue(lines.get(0).endsWith("(7 more)"), lines.get(0));
        interpreter.run("%maven org.example:framework:1.0");
        assertTrue(kernel.output().contains("Already on classpath: 13 jars: framework-1.0.jar"), kernel.output());
    }

    @Test
    void unknownArtifactIsAClearError() {
        RecordingContext kernel = new RecordingContext();
        MagicInterpreter interpreter = new MagicInterpreter(BuiltinMagics.registry(this::offline), kernel);
        MagicException e = assertThrows(MagicException.class, () -> interpreter.run("%maven org.example:nosuch:9.9"));
        assertTrue(e.getMessage().contains("could not resolve org.example:nosuch:9.9"), e.getMessage());
        assertTrue(e.getMessage().contains(repo.toString()), "names where it looked: " + e.getMessage());
        assertTrue(kernel.classpath.isEmpty());
    }

    @Test
    void malformedCoordinatesAreRejectedBeforeResolving() {
        MagicException e = assertThrows(MagicException.class, () -> offline().resolve(List.of("commons-csv")));
        assertTrue(e.getMessage().contains("is not group:artifact:version"), e.getMessage());
        MagicException none = assertThrows(MagicException.class, () -> offline().resolve(List.of()));
        assertTrue(none.getMessage().startsWith("Usage: %maven"), none.getMessage());
    }

    @Test
    void settingsGiveLocalRepositoryOfflineAndMirrors(@TempDir Path dir) throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.xml"),
                "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n"
                        + "  <localRepository>${user.home}/custom-repo</localRepository>\n"
                        + "  <offline>true</offline>\n"
                        + "  <mirrors><mirror><id>corp</id><mirrorOf>central</mirrorOf>"
                        + "<url>http://127.0.0.1:9/maven</url></mirror></mirrors>\n"
                        + "</settings>\n");
        MavenSettings read = MavenSettings.read(settings);
        assertEquals(Paths.get(System.getProperty("user.home"), "custom-repo"), read.localRepository);
        assertTrue(read.offline);
        assertEquals(1, read.mirrors.size());
        assertEquals("corp", read.mirrors.get(0).id);
        assertEquals("central", read.mirrors.get(0).mirrorOf);
        assertEquals("http://127.0.0.1:9/maven", read.mirrors.get(0).url);
        MavenSettings missing = MavenSettings.read(dir.resolve("absent.xml"));
        assertEquals(Paths.get(System.getProperty("user.home"), ".m2", "repository"), missing.localRepository);
    }

    @Test
    void centralComesFromMavensSuperPom() {
        String url = MavenResolver.centralUrl();
        assertTrue(url.startsWith("https://") && url.endsWith("/maven2"), url);
    }

    /** The real local repository: commons-text brings commons-lang3, offline. */
    @Test
    void resolvesFromTheUsersLocalRepositoryOffline() {
        Path m2 = Paths.get(System.getProperty("user.home"), ".m2", "repository");
        assumeTrue(Files.exists(m2.resolve("org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar")),
                "commons-text 1.12.0 is in ~/.m2");
        List<String> files = names(MavenResolver.builder().optLocalRepository(m2).optNoCentral().optOffline(true).build()
                .resolve(List.of("org.apache.commons:commons-text:1.12.0")));
        assertEquals(List.of("commons-text-1.12.0.jar", "commons-lang3-3.14.0.jar"), files);
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }

    private void artifact(String id, String version, String... deps) throws IOException {
        Path dir = repo.resolve("org/example/" + id + "/" + version);
        Files.createDirectories(dir);
        StringBuilder pom = new StringBuilder("<project><modelVersion>4.0.0</modelVersion>")
                .append("<groupId>org.example</groupId><artifactId>").append(id).append("</artifactId><version>")
                .append(version).append("</version><dependencies>");
        for (String dep : deps) {
            String[] parts = dep.split(":");
            pom.append("<dependency><groupId>org.example</groupId><artifactId>").append(parts[0])
                    .append("</artifactId><version>").append(parts[1]).append("</version></dependency>");
        }
        pom.append("</dependencies></project>");
        Files.writeString(dir.resolve(id + "-" + version + ".pom"), pom);
        try (OutputStream out = Files.newOutputStream(dir.resolve(id + "-" + version + ".jar"));
                JarOutputStream jar = new JarOutputStream(out)) {
            jar.finish();
        }
    }
}
