package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalTest {
    @Test
    void tableValues() {
        // Values printed in every normal table (and by scipy.stats.norm to these digits).
        assertEquals(0.5, Normal.cdf(0), 1e-16);
        assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-14);
        assertEquals(0.8413447460685429, Normal.cdf(1), 1e-14);
        assertEquals(0.0013498980316301, Normal.cdf(-3), 1e-15);
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-12);
        assertEquals(2.5758293035489004, Normal.quantile(0.995), 1e-12);
        assertEquals(-1.6448536269514729, Normal.quantile(0.05), 1e-12);
        assertEquals(0.8416212335729143, Normal.quantile(0.8), 1e-12);
    }

    @Test
    void farTailsKeepRelativeAccuracy() {
        // Φ(−8) = 6.22096057427178e-16: a subtraction 1 − Φ(8) would give 0 or noise.
        assertEquals(6.22096057427178e-16, Normal.cdf(-8), 1e-26);
        assertEquals(-8, Normal.quantile(6.22096057427178e-16), 1e-9);
        assertEquals(1 - 6.22096057427178e-16, Normal.cdf(8), 1e-16);
    }

    @Test
    void quantileInvertsCdf() {
        for (double p = 1e-10; p < 1; p = p < 0.01 ? p * 10 : p + 0.01) {
            assertEquals(p, Normal.cdf(Normal.quantile(p)), 1e-12 * Math.max(p, 1e-3), "p = " + p);
        }
    }

    @Test
    void agreesWithScipy() {
        double[] z = {-7.5, -4.2, -3.0001, -2.5, -1.2, -0.3, 0.7, 2.2, 2.9999, 3.4, 5.1};
        double[] ref = PythonReference.numbers("import scipy.stats as st\nfor z in " + PythonReference.list(z)
                + ": print(repr(st.norm.cdf(z)))");
        for (int i = 0; i < z.length; i++) {
            assertEquals(ref[i], Normal.cdf(z[i]), 1e-14 * Math.max(1, ref[i] / 1e-3) + 1e-13 * ref[i], "z = " + z[i]);
        }
    }

    @Test
    void twoSidedHelpers() {
        assertEquals(1.959963984540054, Normal.twoSidedCritical(0.05), 1e-12);
        assertEquals(0.05, Normal.twoSidedP(-1.959963984540054), 1e-14);
        assertTrue(Normal.twoSidedP(0) == 1);
    }

    @Test
    void refusesImpossibleProbabilities() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1)).getMessage().contains("0 < p < 1"));
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(0));
        assertThrows(IllegalArgumentException.class, () -> Normal.twoSidedCritical(1.5));
    }
}
