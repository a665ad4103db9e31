package org.deepbrew.deploy.distill;

/**
 * Teacher soft targets and the label rows that carry them through a data set.
 *
 * <p>A packed row is {@code [hardLabel, p_1, ..., p_C]}: column 0 the class index, the rest the
 * teacher's probabilities at the distillation temperature. {@link DistillationLoss} unpacks it.
 */
public final class SoftTargets {
    private SoftTargets() {}

    /** Softmax of {@code logits / temperature}, row by row. */
    public static float[][] fromLogits(float[][] logits, double temperature) {
        checkTemperature(temperature);
        float[][] out = new float[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double[] z = new double[logits[i].length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.length; c++) {
                z[c] = logits[i][c] / temperature;
                max = Math.max(max, z[c]);
            }
            out[i] = normalised(z, max);
        }
        return out;
    }

    /**
     * Re-tempers probabilities a model gave at T = 1 (for example
     * {@link org.deepbrew.deploy.TextModel#probabilities}): softmax(log p / T), that is p^(1/T)
     * renormalised, the same as softmax(logits / T) without needing the logits.
     */
    public static float[][] fromProbabilities(float[][] probabilities, double temperature) {
        checkTemperature(temperature);
        float[][] out = new float[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            double[] z = new double[probabilities[i].length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z.length; c++) {
                if (probabilities[i][c] < 0) {
                    throw new IllegalArgumentException("row " + i + " has a negative probability " + probabilities[i][c]);
                }
                // a probability of 0 stays 0 at any temperature
                z[c] = probabilities[i][c] == 0 ? Double.NEGATIVE_INFINITY : Math.log(probabilities[i][c]) / temperature;
                max = Math.max(max, z[c]);
            }
            out[i] = normalised(z, max);
        }
        return out;
    }

    /** Rows of {@code [label, soft...]} for {@link DistillationLoss}. */
    public static float[][] pack(int[] labels, float[][] soft) {
        if (labels.length != soft.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + soft.length + " soft-target rows");
        }
        float[][] rows = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            int classes = soft[i].length;
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not one of "
                        + classes + " classes");
            }
            rows[i] = new float[classes + 1];
            rows[i][0] = labels[i];
            System.arraycopy(soft[i], 0, rows[i], 1, classes);
        }
        return rows;
    }

    private static float[] normalised(double[] z, double max) {
        double sum = 0;
        double[] e = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            e[c] = Math.exp(z[c] - max);
            sum += e[c];
        }
        float[] p = new float[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
    }
}
