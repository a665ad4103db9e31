package org.deepbrew.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The one-line entry point for notebooks: {@code Datasets.resolve("fashion-mnist")} gives the
 * folder of verified files, fetching them on first use.
 */
public final class Datasets {
    private Datasets() {}

    /** The folder holding the verified files of data set {@code name}; see {@link DatasetResolver#resolve}. */
    public static Path resolve(String name) {
        return DatasetResolver.standard().resolve(name);
    }

    /** The names of all known data sets. */
    public static List<String> names() {
        return Manifest.bundled().names();
    }

    /** The manifest entry for {@code name}. */
    public static DatasetSpec spec(String name) {
        return Manifest.bundled().get(name);
    }
}
