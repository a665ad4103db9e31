package org.deepbrew.spark;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.deepbrew.search.MlpObjective;
import org.deepbrew.search.RandomSearch;
import org.deepbrew.search.SearchResult;
import org.deepbrew.search.SearchSpace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Spark jobs give the answers of the single-JVM code, whatever the number of threads, and a
 * session leaves nothing behind when it is closed. One session at a time: Spark allows one per JVM.
 */
class SparkJobsTest {
    private static final int FEATURES = 12;

    private static float[][] rows(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][FEATURES];
        for (float[] row : x) {
            for (int f = 0; f < FEATURES; f++) {
                row[f] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private static PortableModel randomMlp() {
        try (Model model = Model.newInstance("random-mlp")) {
            MlpRecipe recipe = new MlpRecipe(new int[] {16}, 3);
            model.setBlock(recipe.build());
            Engine.getInstance().setRandomSeed(5);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, FEATURES));
            return PortableModel.of(model, recipe, FEATURES);
        }
    }

    @Test
    void scoringPerPartitionMatchesTheSingleJvmAndDoesNotDependOnThreads() {
        float[][] x = rows(1500, 1);
        PortableModel model = randomMlp();
        ScoredRows single = ScoredRows.of(model.probabilities(x, 100));
        ScoredRows[] spark = new ScoredRows[3];
        for (int threads = 1; threads <= 2; threads++) {
            try (SparkHandle s = SparkSetup.local(threads).start()) {
                assertEquals("local[" + threads + "]", s.master());
                spark[threads] = ScoredRows.collect(PartitionScoring.of(model).batchSize(100)
                        .score(FeatureRows.of(s, x, 6)));
            }
            assertTrue(SparkSession.getActiveSession().isEmpty(), "no active session after close");
            assertTrue(SparkSession.getDefaultSession().isEmpty(), "no default session after close");
        }
        assertEquals(1500, spark[2].size());
        assertArrayEquals(spark[1].labels(), spark[2].labels(), "local[1] and local[2] label alike");
        assertArrayEquals(spark[1].probabilities(), spark[2].probabilities(), "and score alike, to the bit");
        // Batches are cut at partition boundaries in Spark and at every 100th row here: the sums of a
        // forward pass may round differently, by float epsilon, and never change a label.
        assertEquals(0, single.labelDifferences(spark[2]));
        assertTrue(single.maxProbabilityDifference(spark[2]) < 1e-5, "" + single.maxProbabilityDifference(spark[2]));
        // The model is not constant: a broken scorer returning one class would pass the comparisons above.
        assertTrue(java.util.Arrays.stream(single.labels()).distinct().count() > 1);
    }

    @Test
    void trialsAsSparkTasksGiveTheResultOfTheSameRandomSearchInOneJvm() {
        MlpObjective objective = org.deepbrew.search.MlpObjectiveFixtures.blobs(240, 4);
        SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 1e-1).choice("hidden", 8, 16).build();
        SearchResult here = RandomSearch.of(space).trials(4).budget(2).seed(11).onTrial(null).run(objective);
        SearchResult there;
        try (SparkHandle s = SparkSetup.local(2).start()) {
            there = SparkSearch.of(RandomSearch.of(space).trials(4).budget(2).seed(11)).run(s, objective);
        }
        assertEquals(4, there.trials().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(here.trials().get(i).params(), there.trials().get(i).params(), "trial " + i);
            assertEquals(here.trials().get(i).score(), there.trials().get(i).score(), 1e-9, "trial " + i);
        }
        assertEquals(here.best().params(), there.best().params());
        assertEquals(here.totalBudget(), there.totalBudget());
    }

    @Test
    void oneSessionAtATimeAndClosingTwiceIsHarmless() {
        SparkHandle first = SparkSetup.local(1).start();
        try {
            assertEquals(10, first.session().range(10).count());
            assertThrows(IllegalStateException.class, () -> SparkSetup.local(1).start());
        } finally {
            first.close();
        }
        first.close();
        assertTrue(first.isClosed());
        assertThrows(IllegalStateException.class, first::session);
        try (SparkHandle second = SparkSetup.local(2).shufflePartitions(3).start()) {
            assertEquals("3", second.session().conf().get("spark.sql.shuffle.partitions"));
            assertEquals("false", second.session().conf().get("spark.ui.enabled"));
            assertEquals("0.3", second.session().sparkContext().getConf().get("spark.memory.fraction"));
            assertEquals(4, second.session().range(4).count());
        }
    }
}
