package org.deepbrew.train.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MetricsTest {
    // 3 classes, 10 items. Hand counts:
    // actual 0: predicted 0,0,0,1      -> row [3,1,0]
    // actual 1: predicted 1,1,2        -> row [0,2,1]
    // actual 2: predicted 2,0,2        -> row [1,0,2]
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PRED = {0, 0, 0, 1, 1, 1, 2, 2, 0, 2};

    @Test
    void confusionCountsAndPerClass() {
        ConfusionMatrix cm = ConfusionMatrix.of(ACTUAL, PRED, 3);
        assertEquals(3, cm.count(0, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(1, cm.count(2, 0));
        assertEquals(0.7, cm.accuracy(), 1e-12);
        // class 0: TP 3, FP 1 (from class 2), FN 1 -> P 0.75, R 0.75
        assertEquals(0.75, cm.precision(0), 1e-12);
        assertEquals(0.75, cm.recall(0), 1e-12);
        // class 1: TP 2, FP 1, FN 1 -> P 2/3, R 2/3
        assertEquals(2.0 / 3, cm.precision(1), 1e-12);
        // class 2: TP 2, FP 1, FN 1
        assertEquals(2.0 / 3, cm.f1(2), 1e-12);
        assertEquals((0.75 + 2.0 / 3 + 2.0 / 3) / 3, cm.macroF1(), 1e-12);
        assertEquals(0.7, cm.microF1(), 1e-12);
        assertEquals(0.7, cm.microPrecision(), 1e-12);
    }

    @Test
    void unequalPrecisionAndRecall() {
        // binary: actual 1,1,1,0 ; predicted 1,0,0,0 -> class 1: P 1, R 1/3, F1 0.5
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {1, 1, 1, 0}, new int[] {1, 0, 0, 0}, 2);
        assertEquals(1.0, cm.precision(1), 1e-12);
        assertEquals(1.0 / 3, cm.recall(1), 1e-12);
        assertEquals(0.5, cm.f1(1), 1e-12);
        // class 0: TP 1, FP 2 -> P 1/3, R 1 -> F1 0.5
        assertEquals(1.0 / 3, cm.precision(0), 1e-12);
        assertEquals((1 + 1.0 / 3) / 2, cm.macroPrecision(), 1e-12);
        assertTrue(cm.report().contains("macro"));
        assertNotNull(cm.heatmap());
    }

    @Test
    void neverPredictedClassHasZeroPrecision() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 2}, new int[] {0, 1, 1}, 3);
        assertEquals(0.0, cm.precision(2));
        assertEquals(0.0, cm.f1(2));
    }

    @Test
    void badLabelsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3));
        assertTrue(e.getMessage().contains("actual[1] = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, 3));
    }

    @Test
    void rocAucByHand() {
        // scores: pos 0.9, 0.4 ; neg 0.8, 0.1. Pairs pos>neg: (0.9>0.8),(0.9>0.1),(0.4>0.1) = 3 of 4
        Roc roc = Roc.of(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.8, 0.4, 0.1});
        assertEquals(0.75, roc.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.falsePositiveRates(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.truePositiveRates(), 1e-12);
    }

    @Test
    void rocTiesCountHalfAndPerfectIsOne() {
        assertEquals(0.5, Roc.of(new int[] {1, 0}, new double[] {0.5, 0.5}).auc(), 1e-12);
        assertEquals(1.0, Roc.of(new int[] {0, 0, 1}, new double[] {0.1, 0.2, 0.3}).auc(), 1e-12);
        assertEquals(0.0, Roc.of(new int[] {1, 0}, new double[] {0.1, 0.9}).auc(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Roc.of(new int[] {1, 1}, new double[] {0.1, 0.9}));
    }

    @Test
    void topK() {
        float[][] s = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}, {0.2f, 0.3f, 0.5f}};
        int[] y = {2, 1, 0};
        assertEquals(0.0, TopK.accuracy(s, y, 1), 1e-12);
        assertEquals(2.0 / 3, TopK.accuracy(s, y, 2), 1e-12);
        assertEquals(1.0, TopK.accuracy(s, y, 3), 1e-12);
    }
}
