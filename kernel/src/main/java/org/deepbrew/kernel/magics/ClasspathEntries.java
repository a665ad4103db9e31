package org.deepbrew.kernel.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns what a user types after {@code %classpath} (paths, globs, {@code ~}) into existing files. */
final class ClasspathEntries {
    private ClasspathEntries() {}

    /**
     * Expands each argument: a plain path must exist; a glob such as {@code lib/*.jar} or
     * {@code ~/jars/**.jar} must match at least one file. Relative paths are relative to the
     * kernel's working folder (the notebook's folder).
     *
     * @throws MagicException naming the argument that matched nothing
     */
    static List<Path> expand(List<String> args) {
        if (args.isEmpty()) {
            throw new MagicException("Usage: %classpath PATH|GLOB... (for example %classpath lib/*.jar)");
        }
        List<Path> entries = new ArrayList<>();
        for (String arg : args) {
            String text = expandHome(arg);
            List<Path> found = isGlob(text) ? glob(text) : single(text);
            if (found.isEmpty()) {
                throw new MagicException("%classpath: nothing matches " + arg + " (working folder "
                        + Paths.get("").toAbsolutePath() + ").");
            }
            for (Path path : found) {
                if (!entries.contains(path)) {
                    entries.add(path);
                }
            }
        }
        return entries;
    }

    private static List<Path> single(String text) {
        Path path = Paths.get(text).toAbsolutePath().normalize();
        return Files.exists(path) ? List.of(path) : List.of();
    }

    private static List<Path> glob(String text) {
        // Walk from the deepest folder that has no wildcard in its name.
        int firstWild = indexOfWildcard(text);
        int cut = text.lastIndexOf('/', firstWild);
        Path base = Paths.get(cut < 0 ? "." : cut == 0 ? "/" : text.substring(0, cut)).toAbsolutePath().normalize();
        String pattern = cut < 0 ? text : text.substring(cut + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(p -> !p.equals(base))
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + base, e);
        }
    }

    private static boolean isGlob(String text) {
        return indexOfWildcard(text) >= 0;
    }

    private static int indexOfWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("*?[{".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String expandHome(String text) {
        if (text.equals("~") || text.startsWith("~/")) {
            return System.getProperty("user.home") + text.substring(1);
        }
        return text;
    }
}
