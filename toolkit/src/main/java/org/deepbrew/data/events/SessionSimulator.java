package org.deepbrew.data.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated e-commerce sessions with a known truth, so a recommender or conversion notebook can
 * check what it recovers against what generated the data.
 *
 * <p>The model: items belong to categories ({@code item % categories}). Each user has a latent
 * preference over categories drawn from a Dirichlet(α) distribution. A session is a handful of
 * views; each view picks a category from the user's preference and an item in it. A viewed item
 * is put in the cart with probability {@link Builder#cartProbability}, times a boost when it is the
 * user's favourite category; a carted item is bought with probability
 * {@link Builder#purchaseProbability}. Everything is drawn from one seeded generator.
 */
public final class SessionSimulator {
    private final int users;
    private final int items;
    private final int categories;
    private final double alpha;
    private final double meanViews;
    private final double cartProbability;
    private final double favouriteBoost;
    private final double purchaseProbability;
    private final long seed;
    private double[][] preferences;

    private SessionSimulator(Builder b) {
        this.users = b.users;
        this.items = b.items;
        this.categories = b.categories;
        this.alpha = b.alpha;
        this.meanViews = b.meanViews;
        this.cartProbability = b.cartProbability;
        this.favouriteBoost = b.favouriteBoost;
        this.purchaseProbability = b.purchaseProbability;
        this.seed = b.seed;
    }

    /** A builder with small, documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The category of {@code item}. */
    public int category(int item) {
        return item % categories;
    }

    public int categories() {
        return categories;
    }

    /** The ground truth: user x category preference (each row sums to 1). */
    public double[][] preferences() {
        ensurePreferences();
        double[][] copy = new double[users][];
        for (int u = 0; u < users; u++) {
            copy[u] = preferences[u].clone();
        }
        return copy;
    }

    /** The category each user prefers most (ground truth). */
    public int favouriteCategory(int user) {
        ensurePreferences();
        return argmax(preferences[user]);
    }

    /** The true probability that a view in the user's favourite category (or another) leads to a purchase. */
    public double viewToPurchase(boolean favourite) {
        return Math.min(1, cartProbability * (favourite ? favouriteBoost : 1)) * purchaseProbability;
    }

    /**
     * {@code sessionsPerUser} sessions for every user, as a time-ordered event log starting at
     * {@code startEpochSeconds}.
     */
    public List<Event> simulate(int sessionsPerUser, long startEpochSeconds) {
        ensurePreferences();
        Random r = new Random(seed + 1);
        List<Event> out = new ArrayList<>();
        int itemsPerCategory = Math.max(1, items / categories);
        long t = startEpochSeconds;
        for (int s = 0; s < sessionsPerUser; s++) {
            for (int u = 0; u < users; u++) {
                t += 1 + r.nextInt(600);
                int views = 1 + poisson(r, meanViews - 1);
                int favourite = argmax(preferences[u]);
                for (int v = 0; v < views; v++) {
                    int c = sample(r, preferences[u]);
                    int item = c + categories * r.nextInt(itemsPerCategory);
                    t += 5 + r.nextInt(120);
                    out.add(new Event(u, item, t, EventType.VIEW, 0));
                    double pCart = Math.min(1, cartProbability * (c == favourite ? favouriteBoost : 1));
                    if (r.nextDouble() < pCart) {
                        t += 5 + r.nextInt(60);
                        out.add(new Event(u, item, t, EventType.CART, 0));
                        if (r.nextDouble() < purchaseProbability) {
                            t += 10 + r.nextInt(300);
                            out.add(new Event(u, item, t, EventType.PURCHASE, price(item)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A fixed price per item, between 5 and 100. */
    public double price(int item) {
        return 5 + (item * 2654435761L % 9500) / 100.0;
    }

    private void ensurePreferences() {
        if (preferences != null) {
            return;
        }
        Random r = new Random(seed);
        preferences = new double[users][categories];
        for (int u = 0; u < users; u++) {
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                preferences[u][c] = gamma(r, alpha);
                sum += preferences[u][c];
            }
            for (int c = 0; c < categories; c++) {
                preferences[u][c] /= sum;
            }
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int sample(Random r, double[] p) {
        double x = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (x < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static int poisson(Random r, double mean) {
        double l = Math.exp(-Math.max(0, mean));
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    /** Marsaglia-Tsang gamma sampler; for shape < 1 uses the boost x * U^(1/shape). */
    private static double gamma(Random r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Builds a {@link SessionSimulator}. */
    public static final class Builder {
        private int users = 200;
        private int items = 500;
        private int categories = 10;
        private double alpha = 0.3;
        private double meanViews = 6;
        private double cartProbability = 0.15;
        private double favouriteBoost = 2.0;
        private double purchaseProbability = 0.4;
        private long seed = 42;

        /** Number of users (default 200). */
        public Builder users(int users) {
            this.users = positive(users, "users");
            return this;
        }

        /** Number of items (default 500). */
        public Builder items(int items) {
            this.items = positive(items, "items");
            return this;
        }

        /** Number of item categories (default 10). */
        public Builder categories(int categories) {
            this.categories = positive(categories, "categories");
            return this;
        }

        /** Dirichlet concentration of user preferences: small = focused users (default 0.3). */
        public Builder alpha(double alpha) {
            if (alpha <= 0) {
                throw new IllegalArgumentException("alpha must be positive");
            }
            this.alpha = alpha;
            return this;
        }

        /** Mean number of views per session, at least 1 (default 6). */
        public Builder meanViews(double meanViews) {
            if (meanViews < 1) {
                throw new IllegalArgumentException("meanViews must be >= 1");
            }
            this.meanViews = meanViews;
            return this;
        }

        /** Probability that a view leads to a cart addition (default 0.15). */
        public Builder cartProbability(double p) {
            this.cartProbability = probability(p, "cartProbability");
            return this;
        }

        /** Multiplier of the cart probability in the user's favourite category (default 2). */
        public Builder favouriteBoost(double boost) {
            if (boost < 1) {
                throw new IllegalArgumentException("favouriteBoost must be >= 1");
            }
            this.favouriteBoost = boost;
            return this;
        }

        /** Probability that a cart addition is bought (default 0.4). */
        public Builder purchaseProbability(double p) {
            this.purchaseProbability = probability(p, "purchaseProbability");
            return this;
        }

        /** Seed of everything random (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SessionSimulator build() {
            return new SessionSimulator(this);
        }

        private static int positive(int v, String what) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + v);
            }
            return v;
        }

        private static double probability(double p, String what) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
            }
            return p;
        }
    }
}
