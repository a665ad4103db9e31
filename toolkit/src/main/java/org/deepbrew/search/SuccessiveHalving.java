package org.deepbrew.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Successive halving (Jamieson and Talwalkar, 2016; the inner loop of Hyperband): try many
 * configurations on a small budget, keep the best 1/eta, multiply their budget by eta, and repeat
 * until one is left or the budget cap is reached. Most of the compute goes to the promising few.
 *
 * <p>With {@code configs(27).minBudget(1).eta(3)} the rungs are 27 trials at budget 1, 9 at 3,
 * 3 at 9 and 1 at 27: 108 units in all, against 27 x 27 = 729 for random search at full budget.
 * Each rung retrains from scratch with the larger budget, so the objective needs no checkpoints.
 */
public final class SuccessiveHalving {
    private final SearchSpace space;
    private int configs = 27;
    private int minBudget = 1;
    private int maxBudget = Integer.MAX_VALUE;
    private int eta = 3;
    private long seed = 42;
    private boolean higherIsBetter = true;
    private Consumer<Trial> onTrial = Trials.printer();

    private SuccessiveHalving(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** Halving over {@code space}: 27 configurations, budget 1 rising by eta = 3, higher scores better. */
    public static SuccessiveHalving of(SearchSpace space) {
        return new SuccessiveHalving(space);
    }

    /** How many configurations the first rung tries. */
    public SuccessiveHalving configs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("configs must be at least 1, got " + n);
        }
        this.configs = n;
        return this;
    }

    /** The budget of each first-rung trial. */
    public SuccessiveHalving minBudget(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("minBudget must be at least 1, got " + units);
        }
        this.minBudget = units;
        return this;
    }

    /** The largest budget a trial may get; rungs stop once it is reached. */
    public SuccessiveHalving maxBudget(int units) {
        if (units < 1) {
            throw new IllegalArgumentException("maxBudget must be at least 1, got " + units);
        }
        this.maxBudget = units;
        return this;
    }

    /** The reduction factor: keep the top 1/eta, give them eta times the budget. */
    public SuccessiveHalving eta(int eta) {
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be at least 2, got " + eta);
        }
        this.eta = eta;
        return this;
    }

    /** The seed of the sampler. */
    public SuccessiveHalving seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Minimize the score (a loss) instead of maximizing it. */
    public SuccessiveHalving minimize() {
        this.higherIsBetter = false;
        return this;
    }

    /** Called after each trial (default: one printed line); {@code null} for silence. */
    public SuccessiveHalving onTrial(Consumer<Trial> listener) {
        this.onTrial = listener;
        return this;
    }

    /** Runs the rungs. Trial ids are the configuration's index, the same in every rung. */
    public SearchResult run(Objective objective) {
        Objects.requireNonNull(objective, "objective");
        if (minBudget > maxBudget) {
            throw new IllegalStateException("minBudget " + minBudget + " exceeds maxBudget " + maxBudget);
        }
        List<Params> points = space.sample(configs, seed);
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < configs; i++) {
            alive.add(i);
        }
        List<Trial> done = new ArrayList<>();
        long budget = minBudget;
        for (int rung = 0; ; rung++) {
            List<Trial> rungTrials = new ArrayList<>();
            for (int id : alive) {
                rungTrials.add(Trials.run(objective, id, points.get(id), (int) budget, rung, onTrial));
            }
            done.addAll(rungTrials);
            int keep = alive.size() / eta;
            long next = budget * eta;
            if (keep < 1 || next > maxBudget) {
                break;
            }
            rungTrials.sort(SearchResult.ranking(higherIsBetter));
            alive = new ArrayList<>();
            for (Trial t : rungTrials.subList(0, keep)) {
                alive.add(t.id());
            }
            budget = next;
        }
        return new SearchResult(done, higherIsBetter);
    }
}
