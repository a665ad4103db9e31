package org.deepbrew.business;

import java.util.Locale;

/**
 * Temperature scaling (Guo et al., 2017): divide a classifier's logits by one number T, fitted by
 * minimising the negative log-likelihood on held-out data. T &gt; 1 softens an over-confident model,
 * T &lt; 1 sharpens an under-confident one; the ranking of classes, and so accuracy and ROC, do not
 * change. Fit it on a validation split, never on the test split it is judged on.
 *
 * <pre>{@code
 * TemperatureScaling ts = TemperatureScaling.fit(validationLogits, validationLabels);
 * double[][] calibrated = ts.probabilities(testLogits);
 * }</pre>
 */
public final class TemperatureScaling {
    /** The search range of T; a fitted T at either end means the logits carry no usable signal. */
    static final double MIN_T = 0.01;
    static final double MAX_T = 100;

    private final double temperature;

    private TemperatureScaling(double temperature) {
        this.temperature = temperature;
    }

    /** A scaling by a known temperature. */
    public static TemperatureScaling of(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be positive and finite, got " + temperature);
        }
        return new TemperatureScaling(temperature);
    }

    /**
     * Fits T by golden-section search on log T over [0.01, 100]. The negative log-likelihood is
     * convex in 1/T, so it has one minimum and the search finds it to about 1e-9 in log T.
     */
    public static TemperatureScaling fit(double[][] logits, int[] labels) {
        check(logits, labels);
        double a = Math.log(MIN_T);
        double b = Math.log(MAX_T);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = negativeLogLikelihood(logits, labels, Math.exp(c));
        double fd = negativeLogLikelihood(logits, labels, Math.exp(d));
        while (b - a > 1e-9) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = negativeLogLikelihood(logits, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = negativeLogLikelihood(logits, labels, Math.exp(d));
            }
        }
        return new TemperatureScaling(Math.exp((a + b) / 2));
    }

    /**
     * Logits recovered from softmax probabilities as log p: softmax ignores a constant added to a
     * row, so these give back the same probabilities. A probability that rounded to 0 in float
     * becomes log(1.2e-38), about −87.
     */
    public static double[][] logitsOf(float[][] probabilities) {
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            out[i] = new double[probabilities[i].length];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = Math.log(Math.max(probabilities[i][k], Float.MIN_NORMAL));
            }
        }
        return out;
    }

    /** The fitted (or given) temperature. */
    public double temperature() {
        return temperature;
    }

    /** softmax(logits / T), one row per item. */
    public double[][] probabilities(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = softmax(logits[i], temperature);
        }
        return out;
    }

    /** The scaled probability of class {@code k} for each item (k = 1: the positive class of a binary model). */
    public double[] probabilities(double[][] logits, int k) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = softmax(logits[i], temperature)[k];
        }
        return out;
    }

    /** Mean −log softmax(logits / T)[label] over the items. */
    public static double negativeLogLikelihood(double[][] logits, int[] labels, double temperature) {
        check(logits, labels);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] row = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v / temperature);
            }
            double z = 0;
            for (double v : row) {
                z += Math.exp(v / temperature - max);
            }
            sum += max + Math.log(z) - row[labels[i]] / temperature;
        }
        return sum / logits.length;
    }

    /** The negative log-likelihood of this scaling on {@code logits}. */
    public double negativeLogLikelihood(double[][] logits, int[] labels) {
        return negativeLogLikelihood(logits, labels, temperature);
    }

    private static double[] softmax(double[] row, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[row.length];
        double z = 0;
        for (int k = 0; k < row.length; k++) {
            p[k] = Math.exp(row[k] / t - max);
            z += p[k];
        }
        for (int k = 0; k < row.length; k++) {
            p[k] /= z;
        }
        return p;
    }

    private static void check(double[][] logits, int[] labels) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException(logits.length + " rows of logits but " + labels.length + " labels");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("no items: temperature scaling needs logits and labels");
        }
        for (int i = 0; i < logits.length; i++) {
            if (logits[i].length < 2) {
                throw new IllegalArgumentException("row " + i + " has " + logits[i].length + " logits; need one per class, at least 2");
            }
            if (labels[i] < 0 || labels[i] >= logits[i].length) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is outside 0.." + (logits[i].length - 1));
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "temperature %.4f", temperature);
    }
}
