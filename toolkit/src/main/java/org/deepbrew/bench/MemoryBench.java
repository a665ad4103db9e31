package org.deepbrew.bench;

import ai.djl.Model;
import ai.djl.training.optimizer.Optimizer;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.data.vision.FashionMnist;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory across re-runs of a training cell: trains a small MLP on Fashion-MNIST {@code --runs}
 * times (default 10) in one JVM, as re-running a notebook cell does, and prints resident memory
 * (VmRSS) and used JVM heap after each run, then the growth from run 2 to the last run (run 1
 * pays for loading the engine and warming up). Like a re-run cell, each run leaves its model and
 * data sets unreachable without closing them; {@code --close} closes them instead, and
 * {@code --data-in-cell} loads the data inside the re-run cell rather than once before;
 * {@code --layer-by-layer} trains without the compiled graph (see {@code Fit.compiled}).
 * Prints figures; asserts nothing.
 */
public final class MemoryBench {
    private MemoryBench() {}

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 10);
        int images = intArg(args, "--images", 8192);
        boolean close = hasFlag(args, "--close");
        boolean dataInCell = hasFlag(args, "--data-in-cell");
        boolean layerByLayer = hasFlag(args, "--layer-by-layer");
        System.out.printf(Locale.ROOT, "runs=%d images=%d close=%s data_in_cell=%s layer_by_layer=%s%n", runs, images, close,
                dataInCell, layerByLayer);
        InMemoryDataset train = dataInCell ? null : load(images);
        double[] rss = new double[runs + 1];
        for (int run = 1; run <= runs; run++) {
            InMemoryDataset data = dataInCell ? load(images) : train;
            // The cell: a fresh model trained for one epoch, then left for the next run to replace.
            Model model = Model.newInstance("mlp");
            model.setBlock(Mlp.relu784x256x10());
            History h = Fit.of(model).optimizer(Optimizer.adam().build()).compiled(!layerByLayer).train(data)
                    .epochs(1).seed(run).quiet().run();
            if (close) {
                model.close();
                if (dataInCell) {
                    data.close();
                }
            }
            model = null;
            data = null;
            settle();
            rss[run] = rssMiB();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "run=%d train_accuracy=%.3f rss_mib=%.1f heap_used_mib=%.1f%n", run,
                    h.last().trainAccuracy(), rss[run], (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
        if (runs >= 2) {
            System.out.printf(Locale.ROOT, "rss_growth_run2_to_run%d_mib=%.1f (%.1f MiB per run)%n", runs,
                    rss[runs] - rss[2], (rss[runs] - rss[2]) / Math.max(1, runs - 2));
        }
        if (runs >= 4) {
            // Early runs still grow the JIT's code cache and the allocators' pools; a leak keeps growing.
            int half = runs / 2;
            System.out.printf(Locale.ROOT, "rss_growth_run%d_to_run%d_mib=%.1f (%.2f MiB per run)%n", half, runs,
                    rss[runs] - rss[half], (rss[runs] - rss[half]) / (runs - half));
        }
        if (train != null) {
            train.close();
        }
    }

    private static InMemoryDataset load(int images) throws Exception {
        return InMemoryDataset.builder().batchSize(128).seed(1).limit(images)
                .from(FashionMnist.train());
    }

    /** Lets unreachable objects (and the native memory their cleaners free) go before measuring. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    /** Resident set size of this process, from /proc/self/status; NaN where there is no /proc. */
    static double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static boolean hasFlag(String[] args, String name) {
        for (String a : args) {
            if (a.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
