package org.deepbrew.explain;

import java.util.Objects;
import org.deepbrew.train.metrics.Roc;

/**
 * How good scores are against the truth, with the direction that counts as better, so that
 * explanations can report "how much worse" as a positive number for every metric.
 */
public interface ScoreMetric {
    /** The metric's value for {@code scores} against {@code target} (equal lengths). */
    double compute(double[] target, double[] scores);

    /** Short name for tables and chart titles. */
    String name();

    /** True when a larger value is better (AUC, accuracy); false for errors (MSE, MAE). */
    boolean higherIsBetter();

    /** How much worse {@code value} is than {@code reference}: positive when it is worse. */
    default double loss(double reference, double value) {
        return higherIsBetter() ? reference - value : value - reference;
    }

    /** A metric from a function, its name and its direction. */
    static ScoreMetric of(String name, boolean higherIsBetter, java.util.function.ToDoubleBiFunction<double[], double[]> f) {
        Objects.requireNonNull(f, "metric function");
        return new ScoreMetric() {
            @Override
            public double compute(double[] target, double[] scores) {
                checkLengths(target, scores);
                return f.applyAsDouble(target, scores);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean higherIsBetter() {
                return higherIsBetter;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Area under the ROC curve; the target is 1 for positive rows, 0 otherwise. */
    static ScoreMetric auc() {
        return of("AUC", true, (t, s) -> {
            boolean[] positive = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                positive[i] = t[i] > 0.5;
            }
            return Roc.of(positive, s).auc();
        });
    }

    /** Share of rows where {@code score >= 0.5} agrees with {@code target > 0.5}. */
    static ScoreMetric accuracy() {
        return of("accuracy", true, (t, s) -> {
            int right = 0;
            for (int i = 0; i < t.length; i++) {
                if ((s[i] >= 0.5) == (t[i] > 0.5)) {
                    right++;
                }
            }
            return t.length == 0 ? Double.NaN : (double) right / t.length;
        });
    }

    /**
     * Share of rows the model flags ({@code score >= 0.5}), whatever the truth: equal selection
     * rates across groups is "demographic parity".
     */
    static ScoreMetric selectionRate() {
        return of("selection rate", true, (t, s) -> {
            int flagged = 0;
            for (double v : s) {
                if (v >= 0.5) {
                    flagged++;
                }
            }
            return s.length == 0 ? Double.NaN : (double) flagged / s.length;
        });
    }

    /**
     * Share of truly positive rows the model flags ({@code score >= 0.5}), recall: equal rates
     * across groups is "equal opportunity". NaN for rows without a positive.
     */
    static ScoreMetric truePositiveRate() {
        return of("true positive rate", true, (t, s) -> {
            int positives = 0;
            int found = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] > 0.5) {
                    positives++;
                    if (s[i] >= 0.5) {
                        found++;
                    }
                }
            }
            return positives == 0 ? Double.NaN : (double) found / positives;
        });
    }

    /** Mean squared error. */
    static ScoreMetric meanSquaredError() {
        return of("MSE", false, (t, s) -> {
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                sum += (s[i] - t[i]) * (s[i] - t[i]);
            }
            return t.length == 0 ? Double.NaN : sum / t.length;
        });
    }

    /** Mean absolute error. */
    static ScoreMetric meanAbsoluteError() {
        return of("MAE", false, (t, s) -> {
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                sum += Math.abs(s[i] - t[i]);
            }
            return t.length == 0 ? Double.NaN : sum / t.length;
        });
    }

    private static void checkLengths(double[] target, double[] scores) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scores, "scores");
        if (target.length != scores.length) {
            throw new IllegalArgumentException("the model gave " + scores.length + " scores for "
                    + target.length + " target values");
        }
    }
}
