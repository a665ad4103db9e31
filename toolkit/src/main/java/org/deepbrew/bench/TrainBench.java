package org.deepbrew.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.data.vision.FashionMnist;
import org.deepbrew.engine.EngineInfo;
import org.deepbrew.models.Cnn;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Training throughput on Fashion-MNIST: the seeds' CNN and the 784-256-10 MLP, batch 128, Adam,
 * real data, the batching pipeline included, warm-up batches excluded. Also prints the CNN's
 * achieved GFLOP/s and the machine's single-precision matmul GFLOP/s for scale. Prints figures;
 * it asserts nothing. Options: {@code --cnn-batches N --mlp-batches N --warmup N --repeats N}.
 */
public final class TrainBench {
    /** Multiply-adds ×2 of one forward pass of the seed CNN on a 1×28×28 image. */
    static final double CNN_FORWARD_FLOP = 2.0 * (26 * 26 * 32 * 9 * 1 + 11 * 11 * 64 * 9 * 32
            + 3 * 3 * 64 * 9 * 64 + 576 * 64 + 64 * 10);

    private TrainBench() {}

    public static void main(String[] args) throws Exception {
        int cnnBatches = intArg(args, "--cnn-batches", 150);
        int mlpBatches = intArg(args, "--mlp-batches", 400);
        int warmup = intArg(args, "--warmup", 20);
        int repeats = intArg(args, "--repeats", 1);
        System.out.println(EngineInfo.describe());
        long t0 = System.nanoTime();
        try (InMemoryDataset train = InMemoryDataset.builder().batchSize(128).seed(1).dropLast(true)
                .from(FashionMnist.train())) {
            System.out.printf(Locale.ROOT, "data_load_seconds=%.2f (%d images)%n", (System.nanoTime() - t0) / 1e9, train.size());
            double cnn = 0;
            double mlp = 0;
            for (int r = 0; r < repeats; r++) {
                cnn = Math.max(cnn, throughput(Cnn::conv32x64x64, train, cnnBatches, warmup));
                mlp = Math.max(mlp, throughput(Mlp::relu784x256x10, train, mlpBatches, warmup));
            }
            System.out.printf(Locale.ROOT, "cnn_images_per_second=%.0f%n", cnn);
            System.out.printf(Locale.ROOT, "mlp_images_per_second=%.0f%n", mlp);
            System.out.printf(Locale.ROOT, "cnn_gflops=%.2f (3 x %.2f MFLOP forward per image)%n",
                    cnn * 3 * CNN_FORWARD_FLOP / 1e9, CNN_FORWARD_FLOP / 1e6);
        }
        System.out.printf(Locale.ROOT, "matmul_gflops=%.2f%n", matmulGflops(1024, 20));
    }

    static double throughput(Supplier<Block> block, InMemoryDataset train, int batches, int warmup) {
        try (Model m = Model.newInstance("bench")) {
            m.setBlock(block.get());
            History h = Fit.of(m).optimizer(Optimizer.adam().build()).train(train).epochs(1)
                    .maxBatchesPerEpoch(batches + warmup).seed(1).quiet().run();
            return h.itemsPerSecond(warmup);
        }
    }

    static double matmulGflops(int n, int reps) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).getFloat(0, 0); // warm up
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // wait for the result
                }
            }
            double s = (System.nanoTime() - t) / 1e9;
            return 2.0 * n * n * n * reps / s / 1e9;
        }
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }
}
