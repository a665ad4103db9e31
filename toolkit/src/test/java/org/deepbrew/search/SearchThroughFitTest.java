package org.deepbrew.search;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The search tools driving real training through {@link Fit} on a tiny two-blob problem. */
class SearchThroughFitTest extends WithNDManager {

    private static InMemoryDataset blobs(NDManager manager, int n, long seed, int batch) {
        Random r = new Random(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double centre = c == 0 ? -1 : 1;
            x[2 * i] = (float) (centre + r.nextGaussian() * 0.6);
            x[2 * i + 1] = (float) (centre + r.nextGaussian() * 0.6);
            y[i] = c;
        }
        return InMemoryDataset.builder().batchSize(batch).shuffle(true)
                .fromArrays(manager.create(x, new Shape(n, 2)), manager.create(y));
    }

    private static Model mlp() {
        Model m = Model.newInstance("search-test");
        m.setBlock(Mlp.builder().hidden(8).outputs(2).build());
        return m;
    }

    private static History sgd(double lr, int epochs, InMemoryDataset train, InMemoryDataset val) {
        try (Model m = mlp()) {
            return Fit.of(m).optimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) lr)).build())
                    .epochs(epochs).train(train).validate(val).seed(3).compiled(false).quiet().run();
        }
    }

    @Test
    void rangeTestSuggestsARateThatTrainsWhereTheSmallestDoesNot() {
        try (InMemoryDataset train = blobs(manager, 320, 1, 32); InMemoryDataset val = blobs(manager, 200, 2, 200);
             Model m = mlp()) {
            LrRangeTest test = LrRangeTest.of(1e-4, 30, 100);
            LrRangeTest.Result r = test.run(Fit.of(m)
                    .optimizer(Optimizer.sgd().setLearningRateTracker(test.schedule()).build())
                    .epochs(10).train(train).seed(3).quiet());
            assertEquals(100, r.lrs().length);
            assertEquals(1e-4, r.lrs()[0], 1e-9);
            assertTrue(r.suggestedLr() > 1e-3 && r.suggestedLr() < 30, r.toString());
            History good = sgd(r.suggestedLr(), 3, train, val);
            History tiny = sgd(1e-4, 3, train, val);
            assertTrue(good.last().valAccuracy() >= 0.9, r + "\n" + good);
            assertTrue(good.last().trainLoss() < 0.7 * tiny.last().trainLoss(), good + "\nvs\n" + tiny);
        }
    }

    @Test
    void successiveHalvingThroughFitPicksARateThatLearns() {
        try (InMemoryDataset train = blobs(manager, 192, 3, 32); InMemoryDataset val = blobs(manager, 200, 4, 200)) {
            SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-5, 1).build();
            SearchResult r = SuccessiveHalving.of(space).configs(9).eta(3).minBudget(1).seed(2).onTrial(null)
                    .run((p, epochs) -> sgd(p.getDouble("lr"), epochs, train, val).last().valAccuracy());
            assertEquals(9 + 3 + 1, r.trials().size());
            assertEquals(9, r.best().budget());
            assertTrue(r.best().score() >= 0.9, r.toString());
            // The sampled rates spread over five decades; the slowest cannot learn in one epoch.
            Trial slowest = r.trials().stream().filter(t -> t.rung() == 0)
                    .min(java.util.Comparator.comparingDouble(t -> t.params().getDouble("lr"))).orElseThrow();
            assertTrue(slowest.params().getDouble("lr") < 1e-3, r.toString());
            assertTrue(r.best().params().getDouble("lr") > slowest.params().getDouble("lr") * 10, r.toString());
        }
    }
}
