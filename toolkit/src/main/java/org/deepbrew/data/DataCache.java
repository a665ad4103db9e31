package org.deepbrew.data;

import org.deepbrew.notebook.Notebook;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checksummed folder where data sets live: {@code root/<data set>/<file>}. Files enter only
 * through {@link #store}, which verifies them and renames them into place atomically, so an
 * interrupted fetch never leaves a half-written entry.
 */
public final class DataCache {
    static final String STAGING = ".staging";

    private final Path root;
    /** Files already verified in this process, keyed by path, remembered with size and mtime. */
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    /** A cache rooted at {@code root} (created on first write). */
    public DataCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The cache under {@link Notebook#dataDir()}: {@code $DEEPBREW_DATA} or {@code ~/.deepbrew/data}. */
    public static DataCache standard() {
        return new DataCache(Notebook.dataDir());
    }

    /** The cache's root folder. */
    public Path root() {
        return root;
    }

    /** The folder holding data set {@code name}. */
    public Path folder(String name) {
        return root.resolve(name);
    }

    /** Where {@code file} of data set {@code name} lives in the cache. */
    public Path path(String name, FileSpec file) {
        return folder(name).resolve(file.path());
    }

    /** Why the cached copy of {@code file} is unusable, or {@code null} when it is intact. */
    public String problem(String name, FileSpec file) throws IOException {
        Path p = path(name, file);
        if (!Files.isRegularFile(p)) {
            return "missing";
        }
        String stamp = Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        if (stamp.equals(verified.get(p))) {
            return null;
        }
        String why = Checksums.mismatch(file, p);
        if (why == null) {
            verified.put(p, stamp);
        }
        return why;
    }

    /** Re-hashes {@code file} even when this process verified it before. */
    public String recheck(String name, FileSpec file) throws IOException {
        verified.remove(path(name, file));
        return problem(name, file);
    }

    /** The data set's files that are missing or damaged, with the reason for each. */
    public List<String> problems(DatasetSpec spec, boolean rehash) throws IOException {
        List<String> bad = new ArrayList<>();
        for (FileSpec f : spec.files()) {
            String why = rehash ? recheck(spec.name(), f) : problem(spec.name(), f);
            if (why != null) {
                bad.add(path(spec.name(), f) + ": " + why);
            }
        }
        return bad;
    }

    /** A fresh, empty staging folder on the cache's file system, for a fetch to write into. */
    public Path newStaging() throws IOException {
        Path staging = root.resolve(STAGING);
        Files.createDirectories(staging);
        return Files.createTempDirectory(staging, "fetch-");
    }

    /**
     * Verifies {@code staged} against {@code file} and moves it into the cache. The file is forced
     * to disk before the rename so a crash cannot leave a correctly named but empty file.
     *
     * @throws IOException naming the mismatch when the staged copy is wrong; the cache is untouched
     */
    public Path store(String name, FileSpec file, Path staged) throws IOException {
        String why = Checksums.mismatch(file, staged);
        if (why != null) {
            throw new IOException(file.path() + " failed verification: " + why);
        }
        Path target = path(name, file);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + file.fileName(), ".part");
        try {
            Files.copy(staged, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        verified.put(target, Files.size(target) + "@" + Files.getLastModifiedTime(target).toMillis());
        return target;
    }

    /** Deletes a folder tree (used for staging folders); missing folders are fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
