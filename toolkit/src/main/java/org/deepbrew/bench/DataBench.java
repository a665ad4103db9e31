package org.deepbrew.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;

import org.deepbrew.data.DataCache;
import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.FetchProgress;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.data.Manifest;
import org.deepbrew.data.augment.Augmentations;
import org.deepbrew.data.vision.FashionMnist;
import org.deepbrew.data.vision.ImageSet;
import org.deepbrew.models.Cnn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How fast the data pipeline is: time to the first Fashion-MNIST batch with an empty cache (fetch,
 * verify, decode) and with a warm one, then batches per second at batch size 128 with and without
 * augmentation, next to the seeds' CNN training throughput on the same images: the loader must
 * outrun training by a wide margin so that it is never what limits it. Prints {@code key=value} lines.
 */
public final class DataBench {
    private DataBench() {}

    public static void main(String[] args) throws Exception {
        Path coldCache = Files.createTempDirectory("deepbrew-bench-data");
        try {
            DatasetResolver cold = new DatasetResolver(new DataCache(coldCache), Manifest.bundled())
                    .progress(FetchProgress.silent());
            long coldMs = firstBatchMs(cold);
            long warmMs = firstBatchMs(new DatasetResolver(new DataCache(coldCache), Manifest.bundled())
                    .progress(FetchProgress.silent()));
            System.out.println("first_batch_cold_ms=" + coldMs);
            System.out.println("first_batch_ms=" + warmMs);

            ImageSet images = FashionMnist.builder().optResolver(cold).build().images();
            try (NDManager manager = NDManager.newBaseManager();
                 InMemoryDataset plain = InMemoryDataset.builder().batchSize(128).seed(1).from(images);
                 InMemoryDataset augmented = InMemoryDataset.builder().batchSize(128).seed(1)
                         .augment(Augmentations.randomCrop(2, 1).then(Augmentations.horizontalFlip(2)))
                         .from(images)) {
                // Warm both paths up first so neither figure includes JIT compilation.
                epoch(manager, plain);
                epoch(manager, augmented);
                double loader = 0;
                double loaderAug = 0;
                for (int e = 1; e <= 3; e++) { // best of three: one slow epoch (GC, a busy core) says little
                    loader = Math.max(loader, epoch(manager, plain));
                    loaderAug = Math.max(loaderAug, epoch(manager, augmented));
                }
                System.out.printf(Locale.ROOT, "loader_images_per_second=%.0f%n", loader);
                System.out.printf(Locale.ROOT, "loader_aug_images_per_second=%.0f%n", loaderAug);
                // What the loader must keep up with: the seeds' CNN training on the same images.
                try (InMemoryDataset cnnData = InMemoryDataset.builder().batchSize(128).seed(1).dropLast(true)
                        .from(images)) {
                    double cnn = TrainBench.throughput(Cnn::conv32x64x64, cnnData, 60, 10);
                    System.out.printf(Locale.ROOT, "cnn_train_images_per_second=%.0f%n", cnn);
                    System.out.printf(Locale.ROOT, "loader_aug_to_cnn_ratio=%.1f (target at least 5)%n", loaderAug / cnn);
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(coldCache)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long firstBatchMs(DatasetResolver resolver) throws IOException {
        long t0 = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager();
             InMemoryDataset train = InMemoryDataset.builder().batchSize(128)
                     .from(FashionMnist.builder().optResolver(resolver).build())) {
            train.getData(manager).iterator().next().close();
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static double epoch(NDManager manager, InMemoryDataset data) {
        long t0 = System.nanoTime();
        long n = 0;
        for (Batch b : data.getData(manager)) {
            n += b.getSize();
            b.close();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
