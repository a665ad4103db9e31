package org.deepbrew.explain;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialDependenceTest {
    @Test
    void knownAdditiveFunction() {
        // f = x0^2 + 2 x1, so PD on x0 at v is v^2 + 2 mean(x1), and PD on x1 at v is mean(x0^2) + 2 v.
        Random r = new Random(1);
        float[][] x = new float[400][2];
        double meanX1 = 0;
        double meanX0sq = 0;
        for (float[] row : x) {
            row[0] = (float) (r.nextDouble() * 4 - 2);
            row[1] = r.nextFloat();
            meanX1 += row[1];
            meanX0sq += row[0] * row[0];
        }
        meanX1 /= x.length;
        meanX0sq /= x.length;
        ScoreFunction<float[][]> f = rows -> {
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                s[i] = rows[i][0] * rows[i][0] + 2 * rows[i][1];
            }
            return s;
        };
        PartialDependence pd = PartialDependence.builder().gridPoints(9).build();
        DependenceCurve c0 = pd.compute(f, x, null, "x0");
        double[] v = c0.values();
        double[] avg = c0.averages();
        assertEquals(9, v.length);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float[] row : x) {
            min = Math.min(min, row[0]);
            max = Math.max(max, row[0]);
        }
        assertEquals(min, v[0], 1e-12);
        assertEquals(max, v[8], 1e-12);
        for (int g = 0; g < v.length; g++) {
            float vf = (float) v[g]; // the grid value as the model sees it
            assertEquals(vf * vf + 2 * meanX1, avg[g], 1e-5, "grid point " + g);
        }
        DependenceCurve c1 = pd.compute(f, x, List.of("a", "b"), "b");
        for (int g = 0; g < 9; g++) {
            assertEquals(meanX0sq + 2 * (float) c1.values()[g], c1.averages()[g], 1e-5);
        }
        assertEquals(9, c1.table().rowCount());
        assertEquals("b", c1.plot().getXAxisTitle());
    }

    @Test
    void interactionOnATableAveragesTheOtherFeature() {
        // f = a * b: PD on a at v is v * mean(b). Column a is an IntColumn; the grid replaces it with doubles.
        int[] a = {0, 1, 2, 3, 4, 5};
        double[] b = {1, 2, 3, 4, 5, 9};
        Table t = Table.create("t", IntColumn.create("a", a), DoubleColumn.create("b", b));
        ScoreFunction<Table> f = tab -> {
            NumericColumn<?> ca = tab.numberColumn("a");
            NumericColumn<?> cb = tab.numberColumn("b");
            double[] s = new double[tab.rowCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = ca.getDouble(i) * cb.getDouble(i);
            }
            return s;
        };
        DependenceCurve c = PartialDependence.builder().gridPoints(6).build().compute(f, t, "a");
        double meanB = 24.0 / 6;
        for (int g = 0; g < 6; g++) {
            assertEquals(g, c.values()[g], 1e-12);
            assertEquals(g * meanB, c.averages()[g], 1e-12);
        }
        assertEquals(IntColumn.class, t.column("a").getClass(), "the caller's table is unchanged");
    }

    @Test
    void constantFeatureGivesOnePointAndBadNamesAreReported() {
        float[][] x = {{1, 5}, {1, 6}};
        ScoreFunction<float[][]> f = rows -> new double[] {rows[0][1], rows[1][1]};
        DependenceCurve c = PartialDependence.builder().build().compute(f, x, null, "x0");
        assertEquals(1, c.values().length);
        assertEquals(5.5, c.averages()[0], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartialDependence.builder().build().compute(f, x, null, "z"));
        assertTrue(e.getMessage().contains("no feature \"z\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartialDependence.builder().gridPoints(1));
    }
}
