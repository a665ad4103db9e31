package org.deepbrew.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.models.Mlp;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FitTest extends WithNDManager {

    /** Two Gaussian blobs around (-1.5, -1.5) and (1.5, 1.5); {@code flip} swaps the labels. */
    static InMemoryDataset blobs(int n, long seed, boolean flip, int batch) {
        return blobs(manager, n, seed, flip, batch);
    }

    /** As {@link #blobs(int, long, boolean, int)}, the source arrays made in {@code manager}. */
    static InMemoryDataset blobs(NDManager manager, int n, long seed, boolean flip, int batch) {
        Random r = new Random(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double centre = c == 0 ? -1.5 : 1.5;
            x[2 * i] = (float) (centre + r.nextGaussian() * 0.6);
            x[2 * i + 1] = (float) (centre + r.nextGaussian() * 0.6);
            y[i] = flip ? 1 - c : c;
        }
        return InMemoryDataset.builder().batchSize(batch).shuffle(!flip)
                .fromArrays(manager.create(x, new Shape(n, 2)), manager.create(y));
    }

    private static Model mlp() {
        Model m = Model.newInstance("test");
        m.setBlock(Mlp.builder().hidden(8).outputs(2).build());
        return m;
    }

    @Test
    void fitsSeparableProblem() {
        try (Model m = mlp(); InMemoryDataset train = blobs(400, 1, false, 32); InMemoryDataset test = blobs(200, 2, false, 100)) {
            History h = Fit.of(m).optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build())
                    .epochs(4).train(train).validate(test).seed(7).quiet().run();
            assertTrue(h.last().valAccuracy() >= 0.97, h.toString());
            assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss(), h.toString());
            assertEquals(4 * 13, h.batches().size());
            assertEquals(h.last().valAccuracy(), Predictions.of(m, test).accuracy(), 1e-9);
        }
    }

    @Test
    void anInterruptStopsTrainingAtTheNextBatch() {
        try (Model m = mlp(); InMemoryDataset train = blobs(400, 1, false, 32)) {
            // What the kernel's interrupt does to the cell thread: its interrupt flag is set.
            Fit fit = Fit.of(m).optimizer(Optimizer.adam().build()).epochs(50).train(train).seed(7).quiet()
                    .listener(new FitListener() {
                        @Override
                        public void onBatch(BatchRecord batch, History history) {
                            if (history.batches().size() == 3) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            TrainingInterrupted e = assertThrows(TrainingInterrupted.class, fit::run);
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.interrupted(), "the flag stays set for the code around the loop");
            // The model is usable, and trains again once the interrupt is handled.
            assertEquals(13, Fit.of(m).optimizer(Optimizer.adam().build()).epochs(1).train(train).quiet().run()
                    .batches().size());
        }
    }

    @Test
    void seededRunsRepeat() {
        double[][] losses = new double[2][];
        for (int run = 0; run < 2; run++) {
            try (Model m = mlp(); InMemoryDataset train = blobs(256, 3, false, 32)) {
                losses[run] = Fit.of(m).optimizer(Optimizer.adam().build()).epochs(3).train(train)
                        .seed(123).quiet().run().batchLosses();
            }
        }
        assertEquals(24, losses[0].length);
        assertArrayEquals(losses[0], losses[1], 0.0);
        double[] other;
        try (Model m = mlp(); InMemoryDataset train = blobs(256, 3, false, 32)) {
            other = Fit.of(m).optimizer(Optimizer.adam().build()).epochs(3).train(train).seed(124).quiet().run().batchLosses();
        }
        assertFalse(java.util.Arrays.equals(losses[0], other), "a different seed should give different losses");
    }

    @Test
    void compiledGraphTrainsLikeLayerByLayer() {
        // Run 0: layer by layer. Run 1: one graph with Fit's own loss inside it. Run 2: one graph
        // for the network, a loss passed in (so evaluated outside the graph).
        double[][] losses = new double[3][];
        double[] accuracy = new double[3];
        for (int run = 0; run < 3; run++) {
            try (Model m = mlp(); InMemoryDataset train = blobs(256, 3, false, 32)) {
                Fit fit = Fit.of(m).compiled(run > 0).optimizer(Optimizer.adam().build()).epochs(3).train(train)
                        .seed(21).quiet();
                if (run == 2) {
                    fit.loss(ai.djl.training.loss.Loss.softmaxCrossEntropyLoss());
                }
                History h = fit.run();
                assertEquals(run > 0, h.compiledGraph(), "compiled graph in run " + run);
                losses[run] = h.batchLosses();
                accuracy[run] = h.last().trainAccuracy();
            }
        }
        // Same seed, same arithmetic: only the order of float operations may differ.
        for (int run = 1; run < 3; run++) {
            assertArrayEquals(losses[0], losses[run], 1e-4, "run " + run);
            assertEquals(accuracy[0], accuracy[run], 1e-9, "run " + run);
        }
        assertTrue(losses[1][losses[1].length - 1] < losses[1][0], "the compiled run did not learn");
    }

    @Test
    void gradientClippingAsksForOneDevice() {
        try (Model m = mlp(); InMemoryDataset train = blobs(64, 3, false, 32)) {
            // Checked before any device is touched, so a GPU need not be present.
            Fit fit = Fit.of(m).devices(ai.djl.Device.gpu(0), ai.djl.Device.gpu(1)).clipGradientNorm(1)
                    .train(train).quiet();
            IllegalStateException e = assertThrows(IllegalStateException.class, fit::run);
            assertTrue(e.getMessage().contains("single device"), e.getMessage());
        }
    }

    @Test
    void convolutionalNetsRunLayerByLayer() {
        try (Model m = Model.newInstance("cnn"); InMemoryDataset train = InMemoryDataset.builder().batchSize(8)
                .fromArrays(manager.randomUniform(0, 1, new Shape(16, 1, 28, 28)), manager.create(new float[16]))) {
            m.setBlock(org.deepbrew.models.Cnn.conv32x64x64());
            assertFalse(Fit.of(m).train(train).seed(1).quiet().run().compiledGraph());
        }
    }

    @Test
    void earlyStoppingStopsAndKeepBestRestores() {
        // Validation labels are the training labels flipped: the better the model learns, the worse
        // the validation loss, so the best validation epoch is the first.
        try (Model m = mlp(); InMemoryDataset train = blobs(400, 4, false, 32); InMemoryDataset val = blobs(200, 5, true, 200)) {
            History h = Fit.of(m).optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build())
                    .epochs(20).train(train).validate(val).seed(9).quiet()
                    .earlyStopping(Monitor.VAL_LOSS, 2).keepBest(Monitor.VAL_LOSS).run();
            assertTrue(h.stoppedEarly());
            assertEquals(3, h.epochs().size(), h.toString());
            assertEquals(1, h.bestEpoch());
            assertTrue(h.last().valLoss() > h.epochs().get(0).valLoss());
            // The model now holds epoch 1's parameters: re-evaluating gives epoch 1's validation loss.
            try (ai.djl.training.Trainer t = m.newTrainer(new ai.djl.training.DefaultTrainingConfig(
                    ai.djl.training.loss.Loss.softmaxCrossEntropyLoss()))) {
                double[] now = Fit.evaluate(t, val);
                assertEquals(h.epochs().get(0).valLoss(), now[0], 1e-5);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void clearErrors() {
        try (Model m = mlp(); InMemoryDataset train = blobs(64, 1, false, 32)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Fit.of(m).train(train).earlyStopping(Monitor.VAL_ACCURACY, 2).quiet().run());
            assertTrue(e.getMessage().contains("validate"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> Fit.of(m).quiet().run());
            assertThrows(IllegalArgumentException.class, () -> Fit.of(Model.newInstance("empty")));
        }
    }

    @Test
    void maxBatchesAndGradientClippingStillLearn() {
        try (Model m = mlp(); InMemoryDataset train = blobs(400, 6, false, 16)) {
            History h = Fit.of(m).optimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build())
                    .clipGradientNorm(0.5).epochs(3).maxBatchesPerEpoch(10).train(train).seed(1).quiet().run();
            assertEquals(30, h.batches().size());
            assertTrue(h.last().trainAccuracy() > 0.9, h.toString());
        }
    }
}
