package org.deepbrew.data.vision;

import ai.djl.training.dataset.Dataset;

import org.deepbrew.data.TestData;

import java.io.IOException;

/** The image collections the tests read: from the shared test cache. */
final class Prepared {
    private Prepared() {}

    /** {@code builder}'s images for {@code usage}, read. */
    static <S extends ImageSource> S part(ImageSource.Builder<S> builder, Dataset.Usage usage) throws IOException {
        S source = builder.optUsage(usage).optResolver(TestData.resolver()).build();
        source.images();
        return source;
    }
}
