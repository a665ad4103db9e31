package org.deepbrew.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Reads the JVM's classpath into the entries the snippet compiler must see. */
final class Classpaths {
    private Classpaths() {}

    /**
     * The entries of {@code java.class.path}, with the {@code Class-Path} of manifest-only jars
     * (as test runners and {@code java -jar} launchers use) followed, so the compiler sees what
     * the class loader sees.
     */
    static List<Path> ofThisJvm() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                addWithManifest(Path.of(e).toAbsolutePath().normalize(), entries);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void addWithManifest(Path entry, Set<Path> entries) {
        if (!entries.add(entry) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            for (String ref : classPath.trim().split("\\s+")) {
                Path p = ref.startsWith("file:") ? Path.of(URI.create(ref)) : entry.resolveSibling(ref);
                addWithManifest(p.toAbsolutePath().normalize(), entries);
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar stays on the path as it is; the compiler will report what it misses.
        }
    }

    static String join(List<Path> entries) {
        StringBuilder sb = new StringBuilder();
        for (Path p : entries) {
            if (sb.length() > 0) {
                sb.append(File.pathSeparator);
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
