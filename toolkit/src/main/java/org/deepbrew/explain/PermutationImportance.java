package org.deepbrew.explain;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import tech.tablesaw.api.Table;

/**
 * How much a model's metric drops when one feature's values are shuffled across rows, which breaks
 * that feature's link to the target while keeping its distribution. A feature the model ignores
 * scores 0; the larger the drop, the more the model leans on the feature. The shuffle is repeated
 * with seeded random orders, so results are reproducible and come with a spread.
 *
 * <pre>{@code
 * FeatureImportance fi = PermutationImportance.builder().metric(ScoreMetric.auc()).repeats(5).seed(7).build()
 *         .compute(model, testFeatures, testLabels, featureNames);
 * fi.table();   // feature, mean and std of the drop, largest first
 * fi.plot();
 * }</pre>
 *
 * Compute it on held-out rows: on training rows it also rewards what the model memorised.
 */
public final class PermutationImportance {
    private final ScoreMetric metric;
    private final int repeats;
    private final long seed;

    private PermutationImportance(Builder b) {
        this.metric = b.metric;
        this.repeats = b.repeats;
        this.seed = b.seed;
    }

    /** Defaults: AUC, 5 repeats, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** Importance of each column of {@code x} (rows x features) for {@code model} against {@code target}. */
    public FeatureImportance compute(ScoreFunction<float[][]> model, float[][] x, double[] target, List<String> featureNames) {
        return compute(model, Features.of(x, featureNames), target);
    }

    /** Importance of the feature columns {@code features} of {@code table}; the model reads the whole table. */
    public FeatureImportance compute(ScoreFunction<Table> model, Table table, double[] target, List<String> features) {
        return compute(model, Features.of(table, features), target);
    }

    private <X> FeatureImportance compute(ScoreFunction<X> model, Features<X> features, double[] target) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(target, "target");
        int n = features.rows();
        if (target.length != n) {
            throw new IllegalArgumentException("got " + target.length + " target values for " + n + " rows");
        }
        double baseline = metric.compute(target, model.score(features.original()));
        List<String> names = features.names();
        double[][] drops = new double[names.size()][repeats];
        Random random = new Random(seed);
        for (int r = 0; r < repeats; r++) {
            for (int j = 0; j < names.size(); j++) {
                int[] order = shuffled(n, random);
                double value = metric.compute(target, model.score(features.permuted(j, order)));
                drops[j][r] = metric.loss(baseline, value);
            }
        }
        return new FeatureImportance(metric, baseline, names, drops);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        return order;
    }

    /** Settings for {@link PermutationImportance}. */
    public static final class Builder {
        private ScoreMetric metric = ScoreMetric.auc();
        private int repeats = 5;
        private long seed = 42;

        private Builder() {}

        /** The metric whose drop is measured. */
        public Builder metric(ScoreMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** Shuffles per feature; more repeats, a tighter mean. */
        public Builder repeats(int repeats) {
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
            }
            this.repeats = repeats;
            return this;
        }

        /** Seed of the shuffles: the same seed gives the same result. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public PermutationImportance build() {
            return new PermutationImportance(this);
        }
    }
}
