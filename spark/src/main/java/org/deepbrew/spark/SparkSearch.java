package org.deepbrew.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.deepbrew.search.Objective;
import org.deepbrew.search.Params;
import org.deepbrew.search.RandomSearch;
import org.deepbrew.search.SearchResult;
import org.deepbrew.search.Trial;

/**
 * A {@link RandomSearch} with each trial a Spark task: the trials of a random search are
 * independent, so they spread over every task slot of a cluster (or the threads of
 * {@code local[N]}) with no change to the objective. It tries the random search's own
 * configurations ({@link RandomSearch#configurations}) with its budget and direction, so the two
 * give the same result for a repeatable objective.
 *
 * <pre>{@code
 * SearchResult r = SparkSearch.of(RandomSearch.of(space).trials(8).budget(3).seed(7)).run(spark, objective);
 * }</pre>
 *
 * The objective travels to the executors as a broadcast, so it must be {@link Serializable} and
 * carry (or know where to read) its data, as {@link org.deepbrew.search.MlpObjective} does.
 */
public final class SparkSearch {
    private final RandomSearch search;

    private SparkSearch(RandomSearch search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    /** The trials of {@code search}, to run on Spark. */
    public static SparkSearch of(RandomSearch search) {
        return new SparkSearch(search);
    }

    /** Runs the trials as tasks of one Spark job (one per trial) and gathers them in trial order. */
    public SearchResult run(SparkHandle spark, Objective objective) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(objective, "objective");
        if (!(objective instanceof Serializable)) {
            throw new IllegalArgumentException("the objective must be Serializable to travel to Spark's executors; "
                    + objective.getClass().getName() + " is not (MlpObjective is)");
        }
        List<Params> points = search.configurations();
        List<Task> tasks = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            tasks.add(new Task(i, points.get(i), search.budget()));
        }
        Broadcast<Objective> shared = spark.context().broadcast(objective);
        // One partition per trial: Spark hands each free slot the next trial.
        JavaRDD<Trial> done = spark.context().parallelize(tasks, tasks.size())
                .map(t -> Trial.measure(shared.value(), t.id(), t.params(), t.budget(), 0));
        List<Trial> results = new ArrayList<>(done.collect());
        results.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return SearchResult.of(results, search.higherIsBetter());
    }

    /** One trial, as shipped to an executor. */
    private record Task(int id, Params params, int budget) implements Serializable {}
}
