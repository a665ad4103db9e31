package org.deepbrew.data;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads archives (tar, tar.gz, tar.xz, zip, ar) safely: an entry that would land outside the
 * target folder, by {@code ../}, an absolute path or a link pointing out, is refused.
 */
public final class Archives {
    private Archives() {}

    /** Visits archive entries; return value is ignored. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** Called once per entry with a stream positioned on that entry's content. */
        void visit(ArchiveEntry entry, InputStream content) throws IOException;
    }

    /** Opens {@code in} as an archive, transparently decompressing gzip, xz or bzip2 first. */
    public static ArchiveInputStream<? extends ArchiveEntry> open(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        try {
            String compression = CompressorStreamFactory.detect(buffered);
            buffered = new BufferedInputStream(
                    new CompressorStreamFactory().createCompressorInputStream(compression, buffered), 1 << 16);
        } catch (CompressorException notCompressed) {
            // Plain archive: read as is.
        }
        try {
            return new ArchiveStreamFactory().createArchiveInputStream(buffered);
        } catch (ArchiveException e) {
            throw new IOException("Not a readable archive (tar, zip, ar; optionally gzip/xz/bzip2): "
                    + e.getMessage(), e);
        }
    }

    /** Calls {@code visitor} for every entry of the archive in {@code in}. */
    public static void forEach(InputStream in, EntryVisitor visitor) throws IOException {
        try (ArchiveInputStream<? extends ArchiveEntry> ar = open(in)) {
            for (ArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
                visitor.visit(e, ar);
            }
        }
    }

    /** An entry name with leading {@code ./} and {@code /} removed, as archives vary in this. */
    public static String normalName(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    /**
     * Extracts every entry of {@code archive} into {@code target}.
     *
     * @throws IOException when an entry would land outside {@code target}; nothing past that
     *     entry is written
     */
    public static void extract(Path archive, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            extract(in, target);
        }
    }

    /** Stream variant of {@link #extract(Path, Path)}. */
    public static void extract(InputStream in, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        forEach(in, (entry, content) -> {
            String name = entry.getName();
            Path dest = inside(root, name);
            if (entry.isDirectory()) {
                Files.createDirectories(dest);
                return;
            }
            String link = linkTarget(entry);
            if (link != null) {
                Path resolved = link.startsWith("/") ? Path.of(link).normalize()
                        : dest.getParent().resolve(link).normalize();
                if (!resolved.startsWith(root)) {
                    throw new IOException("Refusing archive entry " + name + ": link to " + link
                            + " points outside " + root);
                }
                // Links inside the folder are harmless but unneeded by any loader: skip them.
                return;
            }
            Files.createDirectories(dest.getParent());
            Files.copy(content, dest, StandardCopyOption.REPLACE_EXISTING);
        });
    }

    /** Resolves an entry name under {@code root}, refusing names that escape it. */
    static Path inside(Path root, String name) throws IOException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new IOException("Refusing archive entry " + name + ": absolute path");
        }
        Path dest = root.resolve(n).normalize();
        if (!dest.startsWith(root) || dest.equals(root) && !n.replace("/", "").replace(".", "").isEmpty()) {
            throw new IOException("Refusing archive entry " + name + ": it would land outside " + root);
        }
        return dest;
    }

    private static String linkTarget(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink())) {
            return t.getLinkName();
        }
        if (entry instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
            return "";
        }
        return null;
    }
}
