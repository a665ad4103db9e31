package org.deepbrew.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Random search (Bergstra and Bengio, 2012): every trial draws its own point of the space and
 * trains with the full budget. Beats a grid when only a few of the parameters matter, because each
 * trial tries a fresh value of every one of them.
 *
 * <pre>{@code
 * SearchResult r = RandomSearch.of(space).trials(12).budget(3).seed(7)
 *         .run((p, epochs) -> trainAndValidate(p, epochs));
 * }</pre>
 */
public final class RandomSearch {
    private final SearchSpace space;
    private int trials = 10;
    private int budget = 1;
    private long seed = 42;
    private boolean higherIsBetter = true;
    private Consumer<Trial> onTrial = Trials.printer();

    private RandomSearch(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** A search over {@code space}: 10 trials of budget 1, higher scores better, seed 42. */
    public static RandomSearch of(SearchSpace space) {
        return new RandomSearch(space);
    }

    /** How many configurations to try. */
    public RandomSearch trials(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + n);
        }
        this.trials = n;
        return this;
    }

    /** The training budget (epochs, usually) every trial gets. */
    public RandomSearch budget(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + units);
        }
        this.budget = units;
        return this;
    }

    /** The seed of the sampler: the same seed tries the same configurations. */
    public RandomSearch seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Minimize the score (a loss) instead of maximizing it (an accuracy). */
    public RandomSearch minimize() {
        this.higherIsBetter = false;
        return this;
    }

    /** Called after each trial (default: one printed line); {@code null} for silence. */
    public RandomSearch onTrial(Consumer<Trial> listener) {
        this.onTrial = listener;
        return this;
    }

    /**
     * The configurations this search tries, in trial order: the same for the same space, trial
     * count and seed, wherever the trials run.
     */
    public List<Params> configurations() {
        return space.sample(trials, seed);
    }

    /** The training budget every trial gets. */
    public int budget() {
        return budget;
    }

    /** Whether a higher score is better (the default) or a lower one. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Runs every trial, one after the other. */
    public SearchResult run(Objective objective) {
        Objects.requireNonNull(objective, "objective");
        List<Params> points = configurations();
        List<Trial> done = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            done.add(Trials.run(objective, i, points.get(i), budget, 0, onTrial));
        }
        return new SearchResult(done, higherIsBetter);
    }
}
