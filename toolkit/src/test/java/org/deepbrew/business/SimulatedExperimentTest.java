package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatedExperimentTest {
    @Test
    void armsAreBalancedAndConvertAtTheirRates() {
        SimulatedExperiment.Outcome o = SimulatedExperiment.rates(0.10, 0.30).users(100_000).seed(2).run();
        assertEquals(100_000, o.control().length + o.treatment().length);
        // A fair coin: the control share's sd is 0.5/sqrt(100000) = 0.0016.
        assertEquals(0.5, o.control().length / 100_000.0, 0.006);
        assertEquals(0.10, o.test().control().rate(), 0.005);
        assertEquals(0.30, o.test().treatment().rate(), 0.007);
    }

    @Test
    void plannedPowerIsTheSimulatedPower() {
        // 10 % → 13 %: PowerAnalysis asks for n users per arm for 80 % power; 400 simulated
        // experiments of 2n users should detect the effect 80 % ± 3 sd (sd = sqrt(0.8 · 0.2 / 400) = 0.02)
        // of the time. The coin makes the arms a little unequal, which costs almost nothing.
        long n = PowerAnalysis.baseline(0.10).usersPerArm(0.03);
        int detected = 0;
        for (int s = 0; s < 400; s++) {
            detected += SimulatedExperiment.rates(0.10, 0.13).users((int) (2 * n)).seed(s).run().test().significant(0.05) ? 1 : 0;
        }
        assertEquals(0.8, detected / 400.0, 0.06);
    }

    @Test
    void badRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SimulatedExperiment.rates(-0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> SimulatedExperiment.rates(0.1, 0.2).users(1));
    }
}
