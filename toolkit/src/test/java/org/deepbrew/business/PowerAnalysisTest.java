package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerAnalysisTest {
    @Test
    void sampleSizeByHand() {
        // 10 % → 12 %, alpha 0.05 two-sided, power 0.8. p̄ = 0.11;
        // s0 = sqrt(2 · 0.11 · 0.89) = 0.4424929, s1 = sqrt(0.1 · 0.9 + 0.12 · 0.88) = 0.4422669;
        // n = ((1.959964 · 0.4424929 + 0.841621 · 0.4422669) / 0.02)² = (1.2394907 / 0.02)² = 3840.8 → 3841.
        PowerAnalysis plan = PowerAnalysis.baseline(0.10);
        assertEquals(3840.85, plan.exactUsersPerArm(0.02), 0.01);
        assertEquals(3841, plan.usersPerArm(0.02));
        assertEquals(0.8, plan.power(0.02, 3841), 1e-4);
        // Halving the effect roughly quadruples the sample.
        double ratio = plan.exactUsersPerArm(0.01) / plan.exactUsersPerArm(0.02);
        assertTrue(ratio > 3.7 && ratio < 4.0, "ratio " + ratio);
    }

    @Test
    void agreesWithStatsmodels() {
        double[][] cases = {{0.10, 0.02, 0.05, 0.8}, {0.03, 0.005, 0.05, 0.9}, {0.5, -0.05, 0.01, 0.8}, {0.2, 0.1, 0.1, 0.95}};
        StringBuilder script = new StringBuilder("from statsmodels.stats.proportion import samplesize_proportions_2indep_onetail, power_proportions_2indep\n");
        for (double[] c : cases) {
            script.append(String.format(java.util.Locale.ROOT,
                    "n = samplesize_proportions_2indep_onetail(%s, %s, %s, alpha=%s, alternative='two-sided')%n", c[1], c[0], c[3], c[2]))
                    .append(String.format(java.util.Locale.ROOT,
                            "pw = power_proportions_2indep(%s, %s, 1000, alpha=%s, alternative='two-sided', return_results=False)%n", c[1], c[0], c[2]))
                    .append("print(repr(n), repr(pw))\n");
        }
        double[] ref = PythonReference.numbers(script.toString());
        for (int i = 0; i < cases.length; i++) {
            double[] c = cases[i];
            PowerAnalysis plan = PowerAnalysis.baseline(c[0]).alpha(c[2]).power(c[3]);
            assertEquals(ref[2 * i], plan.exactUsersPerArm(c[1]), 1e-6 * ref[2 * i], "sample size, case " + i);
            assertEquals(ref[2 * i + 1], plan.power(c[1], 1000), 1e-9, "power, case " + i);
        }
    }

    @Test
    void minimumDetectableEffectInvertsTheSampleSize() {
        PowerAnalysis plan = PowerAnalysis.baseline(0.05).power(0.9);
        double effect = 0.0075;
        double n = plan.exactUsersPerArm(effect);
        // The sample-size formula drops the far tail's tiny share of power, so the round trip is
        // exact to that share (here < 1e-9 of the effect).
        assertEquals(effect, plan.minimumDetectableEffect((long) Math.ceil(n)), 1e-5);
        assertEquals(0.9, plan.power(plan.minimumDetectableEffect(20_000), 20_000), 1e-9);
        assertTrue(plan.minimumDetectableEffect(40_000) < plan.minimumDetectableEffect(10_000));
    }

    @Test
    void badPlansAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.baseline(0)).getMessage().contains("baseline"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.baseline(0.1).power(1)).getMessage().contains("power"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.baseline(0.95).usersPerArm(0.1))
                .getMessage().contains("treated rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.baseline(0.1).usersPerArm(0))
                .getMessage().contains("non-zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PowerAnalysis.baseline(0.1).power(0.999999).minimumDetectableEffect(3))
                .getMessage().contains("cannot reach"));
    }
}
