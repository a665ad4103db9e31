package org.deepbrew.business;

import org.deepbrew.train.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfitCurveTest {
    // A call to a customer costs 10 and a converted one brings 100: TP = 90, FP = −10.
    private static final Payoff CALLS = new Payoff(90, -10, 0, 0);

    @Test
    void profitsByHand() {
        int[] y = {1, 0, 1, 0, 0};
        double[] s = {0.9, 0.8, 0.7, 0.7, 0.1};
        ProfitCurve c = ProfitCurve.of(y, s, CALLS);
        // Thresholds ∞, 0.9, 0.8, 0.7 (two tied items enter together), 0.1. Per item (÷5):
        // none 0; {0.9} 90/5 = 18; +{0.8} 80/5 = 16; +{0.7, 0.7} 160/5 = 32; everyone 150/5 = 30.
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.1}, c.thresholds());
        assertArrayEquals(new double[] {0, 18, 16, 32, 30}, c.profits(), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.8, 1.0}, c.fractionTargeted(), 1e-12);
        assertEquals(0.7, c.bestThreshold());
        assertEquals(32, c.bestProfit(), 1e-12);
        assertEquals(16, c.profitAt(0.75), 1e-12);
        assertEquals(0, c.profitAt(0.95), 1e-12);
        assertEquals(30, c.profitAt(0), 1e-12);
    }

    @Test
    void breakEvenProbabilityByHand() {
        // Act when p·90 + (1 − p)·(−10) ≥ 0 → p ≥ 10/100 = 0.1.
        assertEquals(0.1, CALLS.breakEvenProbability(), 1e-15);
        // Missing a cancer (FN −1000) is worse than an unneeded biopsy (FP −100): act when
        // (1 − p)·(−100) ≥ p·(−1000), i.e. p ≥ 100/1100 = 1/11.
        assertEquals(1.0 / 11, new Payoff(0, -100, -1000, 0).breakEvenProbability(), 1e-15);
    }

    @Test
    void withCalibratedScoresTheBestThresholdIsTheBreakEven() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 200_000;
        int[] y = new int[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble() * 0.5;
            y[i] = r.nextDouble() < p[i] ? 1 : 0;
        }
        ProfitCurve c = ProfitCurve.of(y, p, CALLS);
        assertEquals(CALLS.breakEvenProbability(), c.bestThreshold(), 0.02);
        // Expected best profit: ∫ over p ≥ 0.1 of (100p − 10) dp/0.5 = 2·[50p² − 10p] from 0.1 to 0.5 = 16.
        assertEquals(16, c.bestProfit(), 0.3);
    }

    @Test
    void sameAccuracyDifferentValue() {
        // 100 items, 90 % accuracy both ways: 10 false positives, or 10 false negatives.
        ConfusionMatrix fps = ConfusionMatrix.of(repeat(new int[] {1, 0, 0}, new int[] {20, 10, 70}),
                repeat(new int[] {1, 1, 0}, new int[] {20, 10, 70}), 2);
        ConfusionMatrix fns = ConfusionMatrix.of(repeat(new int[] {1, 1, 0}, new int[] {20, 10, 70}),
                repeat(new int[] {1, 0, 0}, new int[] {20, 10, 70}), 2);
        assertEquals(fps.accuracy(), fns.accuracy());
        Payoff biopsy = new Payoff(0, -100, -1000, 0);
        assertEquals(-1_000, biopsy.value(fps, 1), 1e-12);
        assertEquals(-10_000, biopsy.value(fns, 1), 1e-12);
    }

    @Test
    void thePlotMarksTheBestThresholdOnlyWhenActingPays() {
        ProfitCurve pays = ProfitCurve.of(new int[] {1, 0, 1, 0, 0}, new double[] {0.9, 0.8, 0.7, 0.7, 0.1}, CALLS);
        var best = pays.plot().getSeriesMap().get("best");
        assertEquals(0.7, best.getXData()[0]);
        assertEquals(32, best.getYData()[0], 1e-12);
        // Every call is wasted here: the best is to call no one (threshold +∞), which has no place on the axis.
        ProfitCurve never = ProfitCurve.of(new int[] {0, 0, 1}, new double[] {0.9, 0.8, 0.1}, new Payoff(5, -10, 0, 0));
        assertEquals(Double.POSITIVE_INFINITY, never.bestThreshold());
        assertEquals(null, never.plot().getSeriesMap().get("best"));
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Payoff(0, 0, 0, 0)).getMessage().contains("≤ 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfitCurve.of(new int[] {1}, new double[] {Double.NaN}, CALLS))
                .getMessage().contains("not a finite number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfitCurve.of(new int[0], new double[0], CALLS))
                .getMessage().contains("no items"));
    }

    static int[] repeat(int[] values, int[] times) {
        return java.util.stream.IntStream.range(0, values.length)
                .flatMap(i -> java.util.stream.IntStream.generate(() -> values[i]).limit(times[i])).toArray();
    }
}
