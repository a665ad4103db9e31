package org.deepbrew.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.deepbrew.search.Objective;
import org.deepbrew.search.Params;
import org.deepbrew.search.RandomSearch;
import org.deepbrew.search.SearchResult;
import org.deepbrew.search.SearchSpace;
import org.deepbrew.search.Trial;

/**
 * {@link RandomSearch} with each trial a Spark task: the trials of a random search are independent,
 * so they spread over every task slot of a cluster (or the threads of {@code local[N]}) with no
 * change to the objective. The configurations are the ones {@code RandomSearch} with the same seed
 * tries, so the two give the same result for a repeatable objective.
 *
 * <pre>{@code
 * SearchResult r = SparkSearch.of(space).trials(8).budget(3).seed(7).run(spark, objective);
 * }</pre>
 *
 * The objective travels to the executors as a broadcast, so it must be {@link Serializable} and
 * carry (or know where to read) its data, as {@link org.deepbrew.search.MlpObjective} does.
 */
public final class SparkSearch {
    private final SearchSpace space;
    private int trials = 10;
    private int budget = 1;
    private long seed = 42;
    private boolean higherIsBetter = true;

    private SparkSearch(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** A search over {@code space}: 10 trials of budget 1, higher scores better, seed 42 (as RandomSearch). */
    public static SparkSearch of(SearchSpace space) {
        return new SparkSearch(space);
    }

    /** How many configurations to try: one Spark task each. */
    public SparkSearch trials(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + n);
        }
        this.trials = n;
        return this;
    }

    /** The training budget (epochs, usually) every trial gets. */
    public SparkSearch budget(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + units);
        }
        this.budget = units;
        return this;
    }

    /** The seed of the sampler: the same seed tries the same configurations as RandomSearch's. */
    public SparkSearch seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Minimize the score instead of maximizing it. */
    public SparkSearch minimize() {
        this.higherIsBetter = false;
        return this;
    }

    /** Runs the trials as tasks of one Spark job and gathers them in trial order. */
    public SearchResult run(SparkHandle spark, Objective objective) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(objective, "objective");
        if (!(objective instanceof Serializable)) {
            throw new IllegalArgumentException("the objective must be Serializable to travel to Spark's executors; "
                    + objective.getClass().getName() + " is not (MlpObjective is)");
        }
        List<Params> points = space.sample(trials, seed);
        List<Task> tasks = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            tasks.add(new Task(i, points.get(i), budget));
        }
        Broadcast<Objective> shared = spark.context().broadcast(objective);
        // One partition per trial: Spark hands each free slot the next trial.
        JavaRDD<Trial> done = spark.context().parallelize(tasks, trials).map(t -> t.run(shared.value()));
        List<Trial> results = new ArrayList<>(done.collect());
        results.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return SearchResult.of(results, higherIsBetter);
    }

    /** One trial, as shipped to an executor. */
    private record Task(int id, Params params, int budget) implements Serializable {
        Trial run(Objective objective) {
            long t0 = System.nanoTime();
            double score;
            try {
                score = objective.score(params, budget);
            } catch (Exception e) {
                throw new IllegalStateException(String.format(Locale.ROOT, "trial #%d %s (budget %d) failed: %s",
                        id, params, budget, e), e);
            }
            if (!Double.isFinite(score)) {
                score = Double.NaN; // a diverged run ranks last, as in RandomSearch
            }
            return new Trial(id, params, budget, score, 0, (System.nanoTime() - t0) / 1e9);
        }
    }
}
