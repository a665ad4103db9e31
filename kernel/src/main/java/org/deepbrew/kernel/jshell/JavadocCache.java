package org.deepbrew.kernel.jshell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Javadoc for inspection (Shift-TAB), by signature. JShell reads it from the JDK's
 * {@code lib/src.zip}, parsing the whole source file each time (a few hundred milliseconds for
 * {@code String}); kept here, a member's doc costs that once. Without src.zip nothing is looked up.
 */
final class JavadocCache {
    private static final int MAX_ENTRIES = 2_000;

    private final boolean sourcesInstalled;
    private final Map<String, String> bySignature = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });

    JavadocCache() {
        this(Path.of(System.getProperty("java.home")));
    }

    JavadocCache(Path javaHome) {
        // Where JShell looks: lib/src.zip, or src.zip beside the JDK's home.
        Path lib = javaHome.resolve("lib").resolve("src.zip");
        Path parent = javaHome.getParent() == null ? lib : javaHome.getParent().resolve("src.zip");
        this.sourcesInstalled = Files.isReadable(lib) || Files.isReadable(parent);
    }

    /** Whether the JDK's sources are installed, so that there is javadoc to find. */
    boolean sourcesInstalled() {
        return sourcesInstalled;
    }

    /**
     * The plain-text javadoc of each signature in {@code docs} (computed for {@code text} at its
     * end when not known yet), in order; empty strings where there is none.
     */
    List<String> javadocFor(List<SourceCodeAnalysis.Documentation> docs, SourceCodeAnalysis analysis, String text) {
        if (!sourcesInstalled) {
            return docs.stream().map(d -> "").toList();
        }
        if (docs.stream().anyMatch(d -> !bySignature.containsKey(d.signature()))) {
            for (SourceCodeAnalysis.Documentation d : analysis.documentation(text, text.length(), true)) {
                String javadoc = d.javadoc();
                bySignature.put(d.signature(), javadoc == null || javadoc.isBlank() ? "" : JavadocText.plain(javadoc));
            }
        }
        return docs.stream().map(d -> bySignature.getOrDefault(d.signature(), "")).toList();
    }
}
