package org.deepbrew.data.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;

import org.deepbrew.data.TestData;

import java.io.IOException;

/** The image data sets the tests read: from the shared test cache, arrays in the test's manager. */
final class Prepared {
    private Prepared() {}

    /** {@code builder}'s data set for {@code usage}, batches of {@code batchSize}, prepared. */
    static <D extends InMemoryImageDataset> D part(InMemoryImageDataset.Builder<D> builder, Dataset.Usage usage,
            NDManager manager, int batchSize, boolean shuffle) throws IOException {
        D set = builder.optUsage(usage).optManager(manager).optResolver(TestData.resolver())
                .setSampling(batchSize, shuffle).build();
        set.prepare(null);
        return set;
    }
}
