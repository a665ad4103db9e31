package org.deepbrew.spark;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The scored rows back in the driver, ordered by id: the most probable class of every row and its
 * probability. Compares with a single-JVM run of the same model.
 */
public final class ScoredRows {
    private final long[] ids;
    private final int[] labels;
    private final float[] probabilities;

    private ScoredRows(long[] ids, int[] labels, float[] probabilities) {
        this.ids = ids;
        this.labels = labels;
        this.probabilities = probabilities;
    }

    /** Runs {@code scored} (from {@link PartitionScoring#score}) and brings its rows to the driver. */
    public static ScoredRows collect(Dataset<Row> scored) {
        List<Row> rows = scored.orderBy(FeatureRows.ID).collectAsList();
        long[] ids = new long[rows.size()];
        int[] labels = new int[rows.size()];
        float[] probabilities = new float[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            Row r = rows.get(i);
            ids[i] = r.getLong(0);
            labels[i] = r.getInt(1);
            probabilities[i] = r.getFloat(2);
        }
        return new ScoredRows(ids, labels, probabilities);
    }

    /** The same shape from probabilities computed in this JVM (row i gets id i). */
    public static ScoredRows of(float[][] probabilities) {
        long[] ids = new long[probabilities.length];
        int[] labels = new int[probabilities.length];
        float[] top = new float[probabilities.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
            labels[i] = argmax(probabilities[i]);
            top[i] = probabilities[i][labels[i]];
        }
        return new ScoredRows(ids, labels, top);
    }

    /** Row count. */
    public int size() {
        return ids.length;
    }

    /** Ids in order. */
    public long[] ids() {
        return ids.clone();
    }

    /** Most probable class per row. */
    public int[] labels() {
        return labels.clone();
    }

    /** Probability of that class per row. */
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** Share of rows whose label equals {@code truth[id]}. */
    public double accuracy(int[] truth) {
        if (truth.length != ids.length) {
            throw new IllegalArgumentException(truth.length + " true labels for " + ids.length + " rows");
        }
        long right = 0;
        for (int i = 0; i < ids.length; i++) {
            right += labels[i] == truth[(int) ids[i]] ? 1 : 0;
        }
        return (double) right / ids.length;
    }

    /** Largest difference of the top probability between two scorings of the same rows. */
    public double maxProbabilityDifference(ScoredRows other) {
        checkSameRows(other);
        double worst = 0;
        for (int i = 0; i < ids.length; i++) {
            worst = Math.max(worst, Math.abs(probabilities[i] - other.probabilities[i]));
        }
        return worst;
    }

    /** How many rows got a different label in {@code other}. */
    public int labelDifferences(ScoredRows other) {
        checkSameRows(other);
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            n += labels[i] != other.labels[i] ? 1 : 0;
        }
        return n;
    }

    private void checkSameRows(ScoredRows other) {
        if (!java.util.Arrays.equals(ids, other.ids)) {
            throw new IllegalArgumentException("the two scorings cover different rows");
        }
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d scored rows", ids.length);
    }
}
