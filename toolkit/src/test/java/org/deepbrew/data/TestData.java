package org.deepbrew.data;

import java.nio.file.Path;

/**
 * The resolver tests share: a cache under {@code target/test-data} (never the user's
 * {@code ~/.deepbrew}), filled once from the real offline sources and reused across test runs.
 */
public final class TestData {
    private static DatasetResolver shared;

    private TestData() {}

    /** The shared test resolver over the bundled manifest. */
    public static synchronized DatasetResolver resolver() {
        if (shared == null) {
            shared = new DatasetResolver(new DataCache(Path.of("target", "test-data")), Manifest.bundled())
                    .progress(FetchProgress.silent());
        }
        return shared;
    }
}
