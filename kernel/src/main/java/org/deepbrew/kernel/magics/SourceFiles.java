package org.deepbrew.kernel.magics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/** Reads the files {@code %load} evaluates. */
final class SourceFiles {
    /** JShell has no packages: a {@code package} line in a .java file would not compile. */
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    private SourceFiles() {}

    /**
     * The code of a {@code .jsh} or {@code .java} file, ready to evaluate as a cell. A
     * {@code package} declaration is blanked out (keeping line numbers), since snippets live in
     * JShell's own namespace.
     *
     * @throws MagicException when the file is missing, unreadable, or of another kind
     */
    static String read(String name) {
        Path path = Paths.get(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name)
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new MagicException("%load: no such file " + path + " (relative paths start in the notebook's folder, "
                    + Paths.get("").toAbsolutePath() + ").");
        }
        String fileName = path.getFileName().toString();
        if (!fileName.endsWith(".jsh") && !fileName.endsWith(".java")) {
            throw new MagicException("%load takes .jsh or .java files, not " + fileName + ".");
        }
        try {
            String code = Files.readString(path, StandardCharsets.UTF_8);
            return fileName.endsWith(".java") ? PACKAGE_LINE.matcher(code).replaceAll("") : code;
        } catch (IOException e) {
            throw new MagicException("%load: could not read " + path + ": " + e.getMessage(), e);
        }
    }
}
