package org.deepbrew.data.prep;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrepTest {

    private static Table table(String name, double... xs) {
        return Table.create(name, DoubleColumn.create("x", xs));
    }

    @Test
    void scalerUsesTrainingStatisticsOnly() {
        Table train = table("train", 0, 10, 20);
        Table test = table("test", 1000, 2000);
        var mm = Scalers.minMax().fit(train);
        assertArrayEquals(new double[] {0, 0.5, 1}, mm.transform(train).doubleColumn("x").asDoubleArray(), 1e-12);
        // Test rows are mapped with train's min and range, so they fall far outside [0, 1].
        assertArrayEquals(new double[] {50, 100}, mm.transform(test).doubleColumn("x").asDoubleArray(), 1e-12);

        var std = Scalers.standard().fit(train);
        double s = Math.sqrt(200.0 / 3);
        assertEquals((1000 - 10) / s, std.transform(test).doubleColumn("x").get(0), 1e-9);
        assertThrows(IllegalStateException.class, () -> Scalers.standard().transform(test));
        assertThrows(IllegalArgumentException.class, () -> std.transform(Table.create("other",
                DoubleColumn.create("y", 1.0))));
    }

    @Test
    void imputerFillsWithTrainStatisticsAndDropRowsRemovesIncompleteOnes() {
        Table train = table("train", 1, 2, 2, 10, Double.NaN);
        Table test = table("test", Double.NaN, 5);
        assertEquals(1, train.column("x").countMissing());
        assertEquals(3.75, MissingValues.imputer(MissingValues.Strategy.MEAN).fit(train).transform(test)
                .doubleColumn("x").get(0), 1e-12);
        assertEquals(2, MissingValues.imputer(MissingValues.Strategy.MEDIAN).fit(train).transform(test)
                .doubleColumn("x").get(0), 1e-12);
        assertEquals(2, MissingValues.imputer(MissingValues.Strategy.MODE).fit(train).transform(test)
                .doubleColumn("x").get(0), 1e-12);
        assertEquals(5, MissingValues.imputer(MissingValues.Strategy.MEAN).fit(train).transform(test)
                .doubleColumn("x").get(1), 1e-12);
        assertEquals(4, MissingValues.dropRows(train).rowCount());
    }

    @Test
    void outlierClippingUsesFencesFromTrain() {
        Table train = table("train", 1, 2, 3, 4, 5, 6, 7, 8, 100);
        var iqr = Outliers.iqr(1.5).fit(train);
        double[] lim = iqr.limits("x");
        assertEquals(3 - 1.5 * 4, lim[0], 1e-12);
        assertEquals(7 + 1.5 * 4, lim[1], 1e-12);
        assertEquals(1, iqr.countOutside(train, "x"));
        assertEquals(13, iqr.transform(train).doubleColumn("x").max(), 1e-12);
        var z = Outliers.zScore(2).fit(train);
        assertTrue(z.transform(train).doubleColumn("x").max() < 100);
        assertEquals(1, z.transform(train).doubleColumn("x").min(), 1e-12);
    }

    @Test
    void stratifiedSplitKeepsClassRatiosAndIsSeeded() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 700 ? 0 : i < 900 ? 1 : 2; // 70% / 20% / 10%
        }
        Splits.ThreeWay s = Splits.stratified(labels, 0.6, 0.2, 7);
        assertEquals(1000, s.train().length + s.validation().length + s.test().length);
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            int[] counts = new int[3];
            for (int i : part) {
                counts[labels[i]]++;
            }
            assertEquals(0.7, counts[0] / (double) part.length, 0.01);
            assertEquals(0.2, counts[1] / (double) part.length, 0.01);
            assertEquals(0.1, counts[2] / (double) part.length, 0.01);
        }
        int[] all = concat(s.train(), s.validation(), s.test());
        Arrays.sort(all);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i], "every row in exactly one part");
        }
        assertArrayEquals(s.test(), Splits.stratified(labels, 0.6, 0.2, 7).test());
        assertNotEquals(Arrays.toString(s.test()), Arrays.toString(Splits.stratified(labels, 0.6, 0.2, 8).test()));
    }

    @Test
    void kFoldValidatesEveryRowExactlyOnce() {
        int n = 103;
        int[] seen = new int[n];
        KFold folds = KFold.of(n, 5, 3);
        assertEquals(5, folds.k());
        for (KFold.Fold f : folds) {
            assertEquals(n, f.train().length + f.validation().length);
            assertTrue(f.validation().length == 20 || f.validation().length == 21);
            for (int i : f.validation()) {
                seen[i]++;
            }
            for (int i : f.train()) {
                assertTrue(Arrays.stream(f.validation()).noneMatch(v -> v == i), "row in train and validation");
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen[i], "row " + i);
        }
        int[] labels = new int[90];
        for (int i = 60; i < 90; i++) {
            labels[i] = 1;
        }
        for (KFold.Fold f : KFold.stratified(labels, 3, 1)) {
            assertEquals(10, Arrays.stream(f.validation()).filter(i -> labels[i] == 1).count());
        }
        assertThrows(IllegalArgumentException.class, () -> KFold.of(3, 5, 0));
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
