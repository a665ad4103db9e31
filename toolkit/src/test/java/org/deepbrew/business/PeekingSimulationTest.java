package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeekingSimulationTest {
    private static final PeekingSimulation.Result RESULT =
            PeekingSimulation.rate(0.2).usersPerArm(2_000).looks(10).experiments(4_000).seed(11).run();

    @Test
    void oneLookHoldsAlpha() {
        double fpr = RESULT.falsePositiveRate(1);
        // Binomial noise of 4,000 experiments: se = sqrt(0.05 · 0.95 / 4000) = 0.0034; allow 3 se.
        assertEquals(0.05, fpr, 3 * RESULT.standardError(0.05), "false-positive rate with one look");
    }

    @Test
    void peekingMatchesArmitageMcPhersonRowe() {
        // Armitage, McPherson and Rowe (1969), repeated two-sided tests at 5 % on accumulating
        // normal data: the overall error is 0.083 for 2 looks, 0.142 for 5 and 0.193 for 10.
        // With 2,000 users per arm at 20 % the z statistic is close to normal.
        assertEquals(0.083, RESULT.falsePositiveRate(2), 3 * RESULT.standardError(0.083));
        assertEquals(0.142, RESULT.falsePositiveRate(5), 3 * RESULT.standardError(0.142));
        assertEquals(0.193, RESULT.falsePositiveRate(10), 3 * RESULT.standardError(0.193));
    }

    @Test
    void moreLooksNeverFewerFalsePositives() {
        // Looks at 5 of 10 points are a subset of looks at all 10, so an experiment stopped by the
        // first is stopped by the second too.
        int[] ks = RESULT.lookCounts();
        assertEquals(4, ks.length);
        for (int i = 1; i < ks.length; i++) {
            if (ks[i] % ks[i - 1] == 0) {
                assertTrue(RESULT.falsePositiveRate(ks[i]) >= RESULT.falsePositiveRate(ks[i - 1]));
            }
        }
        assertTrue(RESULT.averageUsersAtStop(10) < RESULT.averageUsersAtStop(1));
        assertEquals(2_000, RESULT.averageUsersAtStop(1), 1e-9, "one look always runs to the planned end");
    }

    @Test
    void sameSeedSameExperiments() {
        PeekingSimulation sim = PeekingSimulation.rate(0.1).usersPerArm(500).looks(5).experiments(200).seed(5);
        assertEquals(sim.run().falsePositiveRate(5), sim.run().falsePositiveRate(5));
    }

    @Test
    void lookCountsMustDivide() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RESULT.falsePositiveRate(3)).getMessage()
                .contains("do not divide"));
        assertThrows(IllegalArgumentException.class, () -> PeekingSimulation.rate(1));
        assertThrows(IllegalArgumentException.class, () -> PeekingSimulation.rate(0.1).usersPerArm(3).looks(5).run());
    }
}
