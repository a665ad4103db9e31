package org.deepbrew.explain;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermutationImportanceTest {
    private static final List<String> NAMES = List.of("signal", "noise1", "noise2");

    /** Rows uniform in [0, 1)^3. */
    private static float[][] uniform(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][3];
        for (float[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = r.nextFloat();
            }
        }
        return x;
    }

    @Test
    void onlyTheFeatureThatDecidesTheLabelMatters() {
        float[][] x = uniform(2000, 1);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] > 0.5 ? 1 : 0;
        }
        // A logistic-looking model that leans on feature 0 and has picked up a little weight on the noise.
        ScoreFunction<float[][]> model = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = 1 / (1 + Math.exp(-(12 * (rows[i][0] - 0.5) + 0.3 * rows[i][1] - 0.2 * rows[i][2])));
            }
            return s;
        };
        FeatureImportance fi = PermutationImportance.builder().metric(ScoreMetric.auc()).repeats(5).seed(3).build()
                .compute(model, x, y, NAMES);
        assertTrue(fi.baseline() > 0.99, "baseline AUC " + fi.baseline());
        // Shuffling the signal leaves a random ranking: AUC about 0.5, a drop of about 0.5.
        assertEquals(0.5, fi.mean("signal"), 0.06);
        assertTrue(Math.abs(fi.mean("noise1")) < 0.02, "noise1 " + fi.mean("noise1"));
        assertTrue(Math.abs(fi.mean("noise2")) < 0.02, "noise2 " + fi.mean("noise2"));
        assertEquals("signal", fi.ranking().get(0));
        Table t = fi.table();
        assertEquals("signal", t.stringColumn("feature").get(0));
        assertEquals(fi.mean("signal"), t.doubleColumn("importance").get(0), 1e-12);
        assertEquals(3, t.rowCount());
        assertEquals(1, fi.plot().getSeriesMap().size());
    }

    @Test
    void msePenaltyMatchesTheoryForALinearModel() {
        // y = 3 x0 and the model is exact, so the baseline MSE is 0. Shuffling x0 gives
        // 9 * mean((x_i - x_pi(i))^2), whose expectation over permutations is 18 * var(x0) * n / (n - 1).
        float[][] x = uniform(3000, 2);
        double[] y = new double[x.length];
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][0];
            mean += x[i][0];
        }
        mean /= x.length;
        double var = 0;
        for (float[] row : x) {
            var += (row[0] - mean) * (row[0] - mean);
        }
        var /= x.length - 1;
        ScoreFunction<float[][]> model = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = 3 * rows[i][0];
            }
            return s;
        };
        FeatureImportance fi = PermutationImportance.builder().metric(ScoreMetric.meanSquaredError())
                .repeats(10).seed(5).build().compute(model, x, y, NAMES);
        assertEquals(0, fi.baseline(), 1e-9);
        assertEquals(18 * var, fi.mean("signal"), 0.04 * 18 * var);
        assertTrue(fi.std("signal") > 0, "repeats differ");
        // The model never reads the noise columns: the drop is exactly 0 on every repeat.
        assertArrayEquals(new double[10], fi.drops("noise1"), 0);
        assertEquals(0, fi.std("noise2"), 0);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        float[][] x = uniform(300, 4);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + x[i][1] > 1 ? 1 : 0;
        }
        ScoreFunction<float[][]> model = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = rows[i][0] + rows[i][1];
            }
            return s;
        };
        PermutationImportance a = PermutationImportance.builder().repeats(3).seed(11).build();
        double[] first = a.compute(model, x, y, NAMES).drops("signal");
        double[] again = PermutationImportance.builder().repeats(3).seed(11).build().compute(model, x, y, NAMES).drops("signal");
        double[] other = PermutationImportance.builder().repeats(3).seed(12).build().compute(model, x, y, NAMES).drops("signal");
        assertArrayEquals(first, again, 0);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    @Test
    void aTableModelGivesTheSameNumbersAsTheMatrixModel() {
        float[][] x = uniform(500, 6);
        double[] y = new double[x.length];
        double[][] cols = new double[3][x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] > 0.4 ? 1 : 0;
            for (int j = 0; j < 3; j++) {
                cols[j][i] = x[i][j];
            }
        }
        Table table = Table.create("synthetic", DoubleColumn.create("signal", cols[0]),
                DoubleColumn.create("noise1", cols[1]), DoubleColumn.create("noise2", cols[2]),
                DoubleColumn.create("label", y));
        ScoreFunction<float[][]> matrixModel = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = rows[i][0] + 0.1 * rows[i][1];
            }
            return s;
        };
        ScoreFunction<Table> tableModel = t -> {
            NumericColumn<?> a = t.numberColumn("signal");
            NumericColumn<?> b = t.numberColumn("noise1");
            double[] s = new double[t.rowCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) a.getDouble(i) + 0.1 * (float) b.getDouble(i);
            }
            return s;
        };
        PermutationImportance pi = PermutationImportance.builder().metric(ScoreMetric.auc()).repeats(4).seed(9).build();
        FeatureImportance fromMatrix = pi.compute(matrixModel, x, y, NAMES);
        FeatureImportance fromTable = pi.compute(tableModel, table, y, NAMES);
        for (String f : NAMES) {
            assertArrayEquals(fromMatrix.drops(f), fromTable.drops(f), 1e-9, f);
        }
        // The caller's table is not changed by the shuffles.
        assertArrayEquals(cols[0], table.doubleColumn("signal").asDoubleArray(), 0);
    }

    @Test
    void badInputIsNamed() {
        float[][] x = uniform(10, 7);
        ScoreFunction<float[][]> model = rows -> new double[rows.length];
        PermutationImportance pi = PermutationImportance.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pi.compute(model, x, new double[9], NAMES));
        assertTrue(e.getMessage().contains("9 target values for 10 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pi.compute(model, x, new double[10], List.of("a")));
        assertTrue(e.getMessage().contains("1 feature names for 3 features"), e.getMessage());
        ScoreFunction<float[][]> shortModel = rows -> new double[3];
        e = assertThrows(IllegalArgumentException.class, () -> pi.compute(shortModel, x, new double[10], NAMES));
        assertTrue(e.getMessage().contains("3 scores for 10 target values"), e.getMessage());
        Table t = Table.create("t", DoubleColumn.create("a", new double[] {1, 2}));
        e = assertThrows(IllegalArgumentException.class,
                () -> pi.compute(tt -> new double[2], t, new double[2], List.of("b")));
        assertTrue(e.getMessage().contains("no column \"b\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PermutationImportance.builder().repeats(0));
    }
}
