package org.deepbrew.search;

import java.util.Random;
import org.deepbrew.train.Schedule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LrRangeTestTest {
    @Test
    void rampIsExponentialBetweenTheEnds() {
        Schedule s = LrRangeTest.of(1e-6, 1, 101).schedule();
        assertEquals(1e-6, s.at(1), 1e-11);
        assertEquals(1e-3, s.at(51), 1e-8); // halfway in steps is halfway in decades
        assertEquals(1.0, s.at(101), 1e-6);
        assertEquals(1.0, s.at(500), 1e-6); // flat after the end
    }

    /**
     * A synthetic range-test curve: flat at 2, a sigmoid drop to 0.5 centred on lr = 3e-3 (steepest
     * there), then an exponential blow-up beyond lr = 0.1; plus seeded noise.
     */
    @Test
    void findsTheKneeOfASyntheticCurveAndCutsTheBlowUp() {
        int n = 200;
        double[] lrs = new double[n];
        double[] losses = new double[n];
        Schedule s = LrRangeTest.of(1e-6, 10, n).schedule();
        Random noise = new Random(3);
        double knee = Math.log10(3e-3);
        for (int i = 0; i < n; i++) {
            lrs[i] = s.at(i + 1);
            double x = Math.log10(lrs[i]);
            double blowUp = x > -1 ? Math.expm1(4 * (x + 1)) : 0;
            losses[i] = 0.5 + 1.5 / (1 + Math.exp(3 * (x - knee))) + blowUp + 0.03 * noise.nextGaussian();
        }
        LrRangeTest.Result r = LrRangeTest.analyze(lrs, losses);
        assertTrue(r.suggestedLr() > 1.5e-3 && r.suggestedLr() < 6e-3, r.toString());
        assertTrue(r.minLossLr() > 1e-2 && r.minLossLr() < 0.3, r.toString());
        double cutLr = lrs[r.usable() - 1];
        assertTrue(cutLr > 0.1 && cutLr < 10, "blow-up cut at " + cutLr);
        assertTrue(r.usable() < n);
        assertNotNull(r.plot());
    }

    /**
     * What Adam's range test on Fashion-MNIST looks like: a steady fall to a minimum near 3e-3, then
     * a noisy climb with a spike and a sharp partial recovery just below 0.1. The recovery is steeper
     * than the real descent; the suggestion must still come from the descent.
     */
    @Test
    void aSpikeAndRecoveryPastTheMinimumIsNotTheSuggestion() {
        int n = 150;
        double[] lrs = new double[n];
        double[] losses = new double[n];
        Schedule s = LrRangeTest.of(1e-5, 1, n).schedule();
        Random noise = new Random(4);
        for (int i = 0; i < n; i++) {
            lrs[i] = s.at(i + 1);
            double x = Math.log10(lrs[i]);
            double base = x < -2.5 ? 2.4 - 0.6 * (x + 5) : 0.9 + 0.4 * (x + 2.5);
            losses[i] = base + 0.05 * noise.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double x = Math.log10(lrs[i]);
            if (x > -1.2 && x < -1.0) {
                losses[i] += 2.5; // the spike; right after it the loss "falls" back by 2.5
            }
        }
        LrRangeTest.Result r = LrRangeTest.analyze(lrs, losses);
        assertTrue(r.suggestedLr() < r.minLossLr(), r.toString());
        assertTrue(r.suggestedLr() > 1e-5 && r.suggestedLr() < 3e-3, r.toString());
    }

    @Test
    void badCurvesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LrRangeTest.of(1, 0.1, 100));
        assertThrows(IllegalArgumentException.class,
                () -> LrRangeTest.analyze(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> LrRangeTest.analyze(new double[] {1, 2, 2, 4, 5}, new double[] {1, 1, 1, 1, 1}));
        var e = assertThrows(IllegalStateException.class, () -> LrRangeTest.analyze(
                new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 100, 1000, 1e4, 1e5, 1e6}));
        assertTrue(e.getMessage().contains("smaller rate"), e.getMessage());
    }
}
