package org.deepbrew.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import org.deepbrew.models.Mlp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void arraysReturnToTheirBaselineAfterEachRun() {
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
            // Only the parameters stay in the model; the trainer, batches, optimizer state,
            // best-epoch copies and the handles DJL's gradient check leaves are gone.
            assertEquals(parameters, m.getNDManager().getManagedArrays().size(), "arrays left in the model");
            int baseline = liveArrays(data);
            for (int run = 0; run < 3; run++) {
                fit.run();
                assertEquals(baseline, liveArrays(data), "live arrays after run " + (run + 2));
                assertEquals(parameters, m.getNDManager().getManagedArrays().size(), "arrays left in the model");
            }
            train.close();
            val.close();
        }
    }
}
