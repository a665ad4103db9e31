package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionRecallCurveTest {
    @Test
    void curveAndAveragePrecisionByHand() {
        // Ranked labels 1 0 1 1 0 (3 positives). Precision/recall after each item:
        // 1/1 at recall 1/3, 1/2 at 1/3, 2/3 at 2/3, 3/4 at 1, 3/5 at 1.
        // AP = 1/3 · 1 + 1/3 · 2/3 + 1/3 · 3/4 = 0.80556 (as scikit-learn's average_precision_score).
        PrecisionRecallCurve c = PrecisionRecallCurve.of(new int[] {1, 0, 1, 1, 0}, new double[] {5, 4, 3, 2, 1});
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1}, c.recalls(), 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.75, 0.6}, c.precisions(), 1e-12);
        assertEquals((1 + 2.0 / 3 + 0.75) / 3, c.averagePrecision(), 1e-12);
    }

    @Test
    void tiedScoresFormOnePoint() {
        PrecisionRecallCurve c = PrecisionRecallCurve.of(new int[] {1, 0, 1, 0}, new double[] {1, 1, 1, 1});
        assertArrayEquals(new double[] {1}, c.recalls(), 1e-12);
        assertEquals(0.5, c.averagePrecision(), 1e-12);
    }

    @Test
    void needsBothClasses() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PrecisionRecallCurve.of(new int[] {0, 0}, new double[] {1, 2}))
                .getMessage().contains("0 positives and 2 negatives"));
    }
}
