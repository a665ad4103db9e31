package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemperatureScalingTest {
    /** Labels drawn from softmax(trueLogits); the model reports trueLogits · sharpen (over-confident for sharpen > 1). */
    private static Object[] data(int n, int classes, double sharpen, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] logits = new double[n][classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] t = new double[classes];
            double z = 0;
            for (int k = 0; k < classes; k++) {
                t[k] = 2 * r.nextGaussian();
                z += Math.exp(t[k]);
            }
            double u = r.nextDouble() * z;
            int label = 0;
            for (double acc = Math.exp(t[0]); acc < u && label < classes - 1; acc += Math.exp(t[++label])) {
                // walk the cumulative distribution
            }
            labels[i] = label;
            for (int k = 0; k < classes; k++) {
                logits[i][k] = sharpen * t[k];
            }
        }
        return new Object[] {logits, labels};
    }

    @Test
    void recoversAKnownOverconfidence() {
        Object[] d = data(40_000, 3, 2.5, 1);
        TemperatureScaling ts = TemperatureScaling.fit((double[][]) d[0], (int[]) d[1]);
        // The logits are the truth times 2.5, so dividing by T = 2.5 restores calibrated probabilities.
        assertEquals(2.5, ts.temperature(), 0.1);
        assertTrue(ts.negativeLogLikelihood((double[][]) d[0], (int[]) d[1])
                < TemperatureScaling.negativeLogLikelihood((double[][]) d[0], (int[]) d[1], 1));
    }

    @Test
    void agreesWithScipyMinimizeScalar() {
        Object[] d = data(300, 2, 1.7, 2);
        double[][] logits = (double[][]) d[0];
        int[] labels = (int[]) d[1];
        StringBuilder rows = new StringBuilder("[");
        for (double[] row : logits) {
            rows.append(PythonReference.list(row)).append(',');
        }
        double[] ref = PythonReference.numbers("import numpy as np\nfrom scipy.optimize import minimize_scalar\n"
                + "from scipy.special import logsumexp\nL = np.array(" + rows + "])\ny = np.array(" + PythonReference.list(labels) + ").astype(int)\n"
                + "nll = lambda u: np.mean(logsumexp(L / np.exp(u), axis=1) - L[np.arange(len(y)), y] / np.exp(u))\n"
                + "r = minimize_scalar(nll, bounds=(np.log(0.01), np.log(100)), method='bounded', options={'xatol': 1e-10})\n"
                + "print(repr(np.exp(r.x)), repr(r.fun), repr(nll(0.0)))");
        TemperatureScaling ts = TemperatureScaling.fit(logits, labels);
        assertEquals(ref[0], ts.temperature(), 1e-6 * ref[0]);
        assertEquals(ref[1], ts.negativeLogLikelihood(logits, labels), 1e-10);
        assertEquals(ref[2], TemperatureScaling.negativeLogLikelihood(logits, labels, 1), 1e-10);
    }

    @Test
    void nllByHand() {
        // logits (0, ln 3): softmax = (1/4, 3/4); label 1 → −ln(3/4) = 0.28768.
        double[][] l = {{0, Math.log(3)}};
        assertEquals(-Math.log(0.75), TemperatureScaling.negativeLogLikelihood(l, new int[] {1}, 1), 1e-15);
        // T = 2 halves the logits: softmax(0, ln √3) = (1/(1+√3), √3/(1+√3)).
        double[] p = TemperatureScaling.of(2).probabilities(l)[0];
        assertEquals(Math.sqrt(3) / (1 + Math.sqrt(3)), p[1], 1e-15);
    }

    @Test
    void scalingKeepsTheRanking() {
        double[][] l = {{2, 1, -1}, {0.1, 0.3, 0.2}};
        double[][] p = TemperatureScaling.of(3.3).probabilities(l);
        assertTrue(p[0][0] > p[0][1] && p[0][1] > p[0][2]);
        assertTrue(p[1][1] > p[1][2] && p[1][2] > p[1][0]);
    }

    @Test
    void logitsFromProbabilitiesGiveTheProbabilitiesBack() {
        float[][] probs = {{0.2f, 0.8f}, {0.999f, 0.001f}, {1f, 0f}};
        double[][] back = TemperatureScaling.of(1).probabilities(TemperatureScaling.logitsOf(probs));
        assertEquals(0.8, back[0][1], 1e-6);
        assertEquals(0.001, back[1][1], 1e-6);
        assertTrue(back[2][1] < 1e-37 && back[2][1] > 0, "a float 0 becomes a tiny positive probability");
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.fit(new double[][] {{1, 2}}, new int[] {2}))
                .getMessage().contains("labels[0] = 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.fit(new double[][] {{1}}, new int[] {0}))
                .getMessage().contains("at least 2"));
        assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.of(0));
    }
}
