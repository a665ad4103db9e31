package org.deepbrew.data;

import java.util.List;

/**
 * A data set as the manifest describes it: what it is, whose it is, which files make it and
 * where they can be fetched from.
 */
public record DatasetSpec(
        String name,
        String version,
        String description,
        String licence,
        String citation,
        List<FileSpec> files,
        List<SourceSpec> sources) {

    /** Copies the lists so a spec cannot change after it is read. */
    public DatasetSpec {
        files = List.copyOf(files);
        sources = List.copyOf(sources);
    }

    /** Sum of the known file sizes in bytes. */
    public long totalSize() {
        return files.stream().mapToLong(f -> Math.max(0, f.size())).sum();
    }

    /** True when at least one source works without a network (installed or a package registry). */
    public boolean offline() {
        return sources.stream().anyMatch(s -> !(s instanceof SourceSpec.Url));
    }
}
