package org.deepbrew.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.engine.EngineTuning;
import org.deepbrew.models.Mlp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training again must not leave arrays behind: re-running a notebook cell must not grow memory. */
class FitMemoryTest {

    /** Live arrays under every manager of the engine (the system manager is the root of all). */
    private static int liveArrays(NDManager anyManager) {
        NDManager root = anyManager;
        while (root.getParentManager() != null && root.getParentManager() != root) {
            root = root.getParentManager();
        }
        return root.getManagedArrays().size();
    }

    @Test
    void arraysReturnToTheirBaselineAfterEachRun() throws InterruptedException {
        try (NDManager data = NDManager.newBaseManager(); Model m = Model.newInstance("memory")) {
            m.setBlock(Mlp.builder().hidden(8).outputs(2).build());
            InMemoryDataset train = FitTest.blobs(data, 256, 1, false, 32);
            InMemoryDataset val = FitTest.blobs(data, 128, 2, false, 64);
            Fit fit = Fit.of(m).epochs(2).train(train).validate(val)
                    .seed(3).quiet().clipGradientNorm(1).keepBest(Monitor.VAL_LOSS)
                    .earlyStopping(Monitor.VAL_LOSS, 3);
            fit.run(); // the first run also creates the parameters
            int parameters = 0;
            for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                parameters++;
            }
            // Nothing stays in the model's own manager (its parameters live in the one ModelArrays
            // keeps for them); the trainer, batches, optimizer state,
            // best-epoch copies and the handles DJL's gradient check leaves are gone.
            assertEquals(0, m.getNDManager().getManagedArrays().size(), "arrays left in the model");
            int baseline = settled(data);
            for (int run = 0; run < 3; run++) {
                fit.run();
                assertEquals(baseline, liveArrays(data), "live arrays after run " + (run + 2));
                assertEquals(0, m.getNDManager().getManagedArrays().size(), "arrays left in the model");
            }
            train.close();
            val.close();
        }
    }

    private static ai.djl.training.optimizer.Optimizer fast() {
        return Optimizer.adam().optLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(0.05f)).build();
    }

    /** A model trained and then dropped without {@code close()}, as a re-run cell leaves it. */
    private static void trainAndDrop(InMemoryDataset train) {
        Model m = Model.newInstance("dropped");
        m.setBlock(Mlp.builder().hidden(8).outputs(2).build());
        Fit.of(m).epochs(1).train(train).seed(1).quiet().run();
    }

    /**
     * What the next training run does first, repeated until {@code target} arrays are live: a
     * dropped model is finalized by one collection and its arrays queued by a later one.
     */
    private static int settle(NDManager any, int target) throws InterruptedException {
        for (int i = 0; i < 50 && liveArrays(any) != target; i++) {
            EngineTuning.current().releaseDropped();
            Thread.sleep(10);
        }
        return liveArrays(any);
    }

    /** Frees what earlier tests dropped until the count of live arrays stops changing. */
    private static int settled(NDManager any) throws InterruptedException {
        int last = -1;
        int same = 0;
        for (int i = 0; i < 50 && same < 3; i++) {
            EngineTuning.current().releaseDropped();
            Thread.sleep(10);
            int now = liveArrays(any);
            same = now == last ? same + 1 : 0;
            last = now;
        }
        return last;
    }

    @Test
    void aDroppedModelIsFreedByALaterRun() throws InterruptedException {
        try (NDManager data = NDManager.newBaseManager()) {
            InMemoryDataset train = FitTest.blobs(data, 256, 1, false, 32);
            int baseline = settled(data);
            for (int run = 1; run <= 3; run++) {
                trainAndDrop(train);
                assertTrue(liveArrays(data) > baseline, "the dropped model's arrays should still be live");
                assertEquals(baseline, settle(data, baseline), "live arrays after dropped run " + run);
            }
            train.close();
        }
    }

    @Test
    void aBlockHandedToANewModelOutlivesTheFirstModel() {
        try (NDManager data = NDManager.newBaseManager(); Model second = Model.newInstance("second")) {
            InMemoryDataset train = FitTest.blobs(data, 256, 1, false, 32);
            Block block = Mlp.builder().hidden(8).outputs(2).build();
            Model first = Model.newInstance("first");
            first.setBlock(block);
            Fit.of(first).optimizer(fast()).epochs(1).train(train).seed(1).quiet().run();
            second.setBlock(block);
            first = null; // dropped, as when the cell that made it runs again
            History h = Fit.of(second).optimizer(fast()).epochs(3).train(train).seed(1).quiet().run();
            assertTrue(h.last().trainAccuracy() > 0.9, "training the handed-on block failed: " + h);
            EngineTuning.current().releaseDropped();
            for (Pair<String, Parameter> p : block.getParameters()) {
                assertFalse(p.getValue().getArray().isReleased(), p.getKey() + " was freed with the first model");
            }
            train.close();
        }
    }

    @Test
    void closingATrainedModelFreesItsParametersAtOnce() {
        try (NDManager data = NDManager.newBaseManager()) {
            InMemoryDataset train = FitTest.blobs(data, 256, 1, false, 32);
            Model model = Model.newInstance("closed");
            model.setBlock(Mlp.builder().hidden(8).outputs(2).build());
            Fit.of(model).optimizer(fast()).epochs(1).train(train).seed(1).quiet().run();
            java.util.List<ai.djl.ndarray.NDArray> parameters = new java.util.ArrayList<>();
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                parameters.add(p.getValue().getArray());
                assertFalse(p.getValue().getArray().isReleased(), p.getKey() + " freed before close");
            }
            model.close(); // DJL's meaning: the parameters go with the model, now, on this thread
            for (ai.djl.ndarray.NDArray a : parameters) {
                assertTrue(a.isReleased(), a.getName() + " still allocated after model.close()");
            }
            train.close();
        }
    }
}
