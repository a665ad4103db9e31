package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliabilityTest {
    @Test
    void binsAndErrorByHand() {
        // Two bins. [0, 0.5): p = 0.1, 0.2, 0.3, labels 0, 0, 1: mean p 0.2, positive rate 1/3, gap 0.1333.
        // [0.5, 1]: p = 0.6, 0.9, 1.0, labels 1, 1, 0: mean p 0.8333, rate 2/3, gap 0.1667.
        // ECE = 3/6 · 0.1333 + 3/6 · 0.1667 = 0.15; MCE = 0.1667.
        Reliability r = Reliability.of(new int[] {0, 0, 1, 1, 1, 0}, new double[] {0.1, 0.2, 0.3, 0.6, 0.9, 1.0}, 2);
        assertEquals(3, r.bins().get(0).count());
        assertEquals(0.2, r.bins().get(0).meanProbability(), 1e-12);
        assertEquals(1.0 / 3, r.bins().get(0).positiveRate(), 1e-12);
        assertEquals(2.5 / 3, r.bins().get(1).meanProbability(), 1e-12);
        assertEquals(0.15, r.expectedCalibrationError(), 1e-12);
        assertEquals(1.0 / 6, r.maximumCalibrationError(), 1e-12);
    }

    @Test
    void agreesWithNumpy() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 500;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i] * p[i] ? 1 : 0; // over-confident on the positive side
        }
        // The same binning written in numpy: bin = min(floor(p · B), B − 1).
        double[] ref = PythonReference.numbers("import numpy as np\np = np.array(" + PythonReference.list(p) + ")\n"
                + "y = np.array(" + PythonReference.list(y) + ")\nB = 15\nb = np.minimum(np.floor(p * B).astype(int), B - 1)\n"
                + "e = sum(abs(y[b == k].mean() - p[b == k].mean()) * (b == k).sum() for k in range(B) if (b == k).any()) / len(p)\n"
                + "print(repr(e))");
        assertEquals(ref[0], Reliability.of(y, p, 15).expectedCalibrationError(), 1e-12);
    }

    @Test
    void calibratedProbabilitiesHaveSmallError() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 100_000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        // Each of 10 bins has ~10,000 items: its rate's noise is ~0.005.
        assertTrue(Reliability.of(y, p, 10).expectedCalibrationError() < 0.01);
    }

    @Test
    void oneGoesInTheLastBinAndEmptyBinsCountZero() {
        Reliability r = Reliability.of(new int[] {1, 1}, new double[] {1.0, 0.95}, 10);
        assertEquals(2, r.bins().get(9).count());
        assertTrue(Double.isNaN(r.bins().get(0).meanProbability()));
        assertEquals(0.025, r.expectedCalibrationError(), 1e-12);
    }

    @Test
    void theDiagramPlotsOnlyBinsWithItems() {
        Reliability r = Reliability.of(new int[] {1, 1, 0}, new double[] {1.0, 0.95, 0.12}, 10);
        var points = r.plot("m").getSeriesMap().get("m (ECE 0.057)");
        assertEquals(2, points.getXData().length, "two of the ten bins hold items");
        assertEquals(0.12, points.getXData()[0], 1e-12);
        assertEquals(0.0, points.getYData()[0], 1e-12);
    }

    @Test
    void softmaxRowsPickTheirPositiveClass() {
        float[][] rows = {{0.9f, 0.1f}, {0.3f, 0.7f}};
        Reliability r = Reliability.of(new int[] {0, 1}, rows, 1, 2);
        assertEquals(1, r.bins().get(0).count());
        assertEquals(0.1, r.bins().get(0).meanProbability(), 1e-7);
        assertEquals(0.0, r.bins().get(0).positiveRate());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[] {0}, new double[] {1.2}, 5))
                .getMessage().contains("outside [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[] {0, 3}, new double[] {0.1, 0.2}, 5))
                .getMessage().contains("labels[1] = 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[] {0}, new double[] {0.1, 0.2}, 5))
                .getMessage().contains("1 labels but 2 scores"));
        assertThrows(IllegalArgumentException.class, () -> Reliability.of(new int[] {0}, new double[] {0.1}, 0));
    }
}
