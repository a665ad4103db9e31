package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GainChartTest {
    @Test
    void gainAndLiftByHand() {
        // 10 items, 4 positive. Ranked: 1 1 0 1 0 0 1 0 0 0 (no ties).
        int[] y = {1, 1, 0, 1, 0, 0, 1, 0, 0, 0};
        double[] s = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        GainChart g = GainChart.of(y, s);
        assertEquals(0.4, g.baseRate(), 1e-15);
        // Top 10 %: 1 of 4 positives → gain 0.25, lift 2.5. Top 20 %: 0.5, lift 2.5. Top 40 %: 0.75.
        assertArrayEquals(new double[] {0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1, 1, 1, 1}, g.decileGain(), 1e-12);
        assertArrayEquals(new double[] {2.5, 2.5, 0, 2.5, 0, 0, 2.5, 0, 0, 0}, g.decileLift(), 1e-12);
        assertEquals(0.75 / 0.4, g.cumulativeLift()[3], 1e-12);
        assertEquals(1, g.cumulativeLift()[9], 1e-12);
        // Between corners the curve is linear: halfway from 30 % (0.5) to 40 % (0.75).
        assertEquals(0.625, g.gainAt(0.35), 1e-12);
    }

    @Test
    void tiesAreSpreadEvenly() {
        // All four scores tied: whatever order they come in, the curve is the diagonal.
        GainChart g = GainChart.of(new int[] {1, 0, 0, 0}, new double[] {1, 1, 1, 1});
        assertEquals(0.5, g.gainAt(0.5), 1e-12);
        assertEquals(1, g.liftAt(0.3), 1e-12);
        GainChart reversed = GainChart.of(new int[] {0, 0, 0, 1}, new double[] {1, 1, 1, 1});
        assertArrayEquals(g.decileGain(), reversed.decileGain(), 1e-12);
    }

    @Test
    void aPerfectRankingReachesEveryPositiveFirst() {
        int[] y = new int[100];
        double[] s = new double[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 20 ? 1 : 0;
            s[i] = 100 - i;
        }
        GainChart g = GainChart.of(y, s);
        assertEquals(1, g.gainAt(0.2), 1e-12);
        assertEquals(5, g.decileLift()[0], 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GainChart.of(new int[] {0, 0}, new double[] {1, 2}))
                .getMessage().contains("needs positive and negative items"));
        GainChart g = GainChart.of(new int[] {1, 0}, new double[] {2, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.gainAt(1.5)).getMessage().contains("[0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.liftAt(0)).getMessage().contains("above 0"));
    }
}
