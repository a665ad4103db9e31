package org.deepbrew.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds a data set's files: the cache first, then each source the manifest lists, in order,
 * verifying every file's digest before it enters the cache.
 */
public final class DatasetResolver {
    private final DataCache cache;
    private final Manifest manifest;
    private FetchProgress progress = FetchProgress.auto();

    /** A resolver over {@code cache} for the data sets in {@code manifest}. */
    public DatasetResolver(DataCache cache, Manifest manifest) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /** The standard resolver: bundled manifest, cache under {@code Notebook.dataDir()}. */
    public static DatasetResolver standard() {
        return new DatasetResolver(DataCache.standard(), Manifest.bundled());
    }

    /** Where fetch progress goes (by default {@link FetchProgress#auto()}: a bar in a notebook, else a console line). */
    public DatasetResolver progress(FetchProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** The cache this resolver fills. */
    public DataCache cache() {
        return cache;
    }

    /** The manifest this resolver reads. */
    public Manifest manifest() {
        return manifest;
    }

    /**
     * The folder holding the verified files of {@code name}, fetching or repairing what is missing
     * or damaged.
     *
     * @throws java.util.NoSuchElementException for an unknown name, listing the known ones
     * @throws DataUnavailableException when no source can supply the files
     */
    public Path resolve(String name) {
        DatasetSpec spec = manifest.get(name);
        try {
            if (missing(spec).isEmpty()) {
                unpack(spec);
                return cache.folder(name);
            }
            synchronized (this) {
                Files.createDirectories(cache.root());
                Path lockFile = cache.root().resolve("." + name + ".lock");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = ch.lock()) {
                    // Another process may have fetched it while we waited for the lock.
                    List<FileSpec> todo = missing(spec);
                    if (!todo.isEmpty()) {
                        fetch(spec, todo);
                    }
                }
                unpack(spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Data set " + name + ": " + e.getMessage(), e);
        }
        return cache.folder(name);
    }

    /** Re-hashes the cached files of {@code name}; returns one line per missing or damaged file. */
    public List<String> verify(String name) {
        try {
            return cache.problems(manifest.get(name), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every file of {@code name} is in the cache and intact (cheap after first check). */
    public boolean cached(String name) {
        try {
            return missing(manifest.get(name)).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private List<FileSpec> missing(DatasetSpec spec) throws IOException {
        List<FileSpec> out = new ArrayList<>();
        for (FileSpec f : spec.files()) {
            if (cache.problem(spec.name(), f) != null) {
                out.add(f);
            }
        }
        return out;
    }

    private void fetch(DatasetSpec spec, List<FileSpec> todo) throws IOException {
        List<String> attempts = new ArrayList<>();
        Throwable last = null;
        List<FileSpec> remaining = new ArrayList<>(todo);
        for (SourceSpec source : spec.sources()) {
            Path staging = cache.newStaging();
            try {
                Map<FileSpec, Path> got = Fetchers.fetch(source, remaining, staging, progress);
                List<String> rejected = new ArrayList<>();
                for (FileSpec f : List.copyOf(remaining)) {
                    try {
                        cache.store(spec.name(), f, got.get(f));
                        remaining.remove(f);
                    } catch (IOException e) {
                        rejected.add(e.getMessage());
                        last = e;
                    }
                }
                if (remaining.isEmpty()) {
                    return;
                }
                attempts.add(source.describe() + ": " + String.join("; ", rejected));
            } catch (IOException | RuntimeException e) {
                attempts.add(source.describe() + ": " + e.getMessage());
                last = e;
            } finally {
                DataCache.deleteTree(staging);
            }
        }
        throw new DataUnavailableException(spec.name(), attempts, last, byHand(spec, remaining));
    }

    /** How to supply the files without any source: the cache accepts a file whose digest matches. */
    private String byHand(DatasetSpec spec, List<FileSpec> missing) {
        List<String> names = missing.stream().map(FileSpec::path).limit(5).toList();
        return "To supply it by hand, put " + String.join(", ", names)
                + (missing.size() > names.size() ? " and " + (missing.size() - names.size()) + " more" : "")
                + " into " + cache.folder(spec.name()).toAbsolutePath()
                + " (each file is checked against the SHA-256 in the manifest).";
    }

    /** Extracts archive files marked {@code unpack}, once; a marker records completion. */
    private void unpack(DatasetSpec spec) throws IOException {
        for (FileSpec f : spec.files()) {
            if (!f.unpack()) {
                continue;
            }
            Path marker = cache.folder(spec.name()).resolve("." + f.fileName() + ".unpacked");
            if (!Files.exists(marker)) {
                progress.start("Unpacking " + f.fileName(), -1);
                try {
                    Archives.extract(cache.path(spec.name(), f), cache.folder(spec.name()));
                } finally {
                    progress.finish();
                }
                Files.writeString(marker, f.path() + "\n");
            }
        }
    }
}
