package org.deepbrew.business;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoProportionTestTest {
    @Test
    void zTestByHand() {
        // Control 200/1000, treatment 250/1000. Pooled p = 450/2000 = 0.225;
        // se = sqrt(0.225 · 0.775 · (1/1000 + 1/1000)) = sqrt(0.00034875) = 0.0186748;
        // z = 0.05 / 0.0186748 = 2.67740; p = 2·(1 − Φ(2.6774)) = 0.00742.
        TwoProportionTest t = TwoProportionTest.of(new Arm(200, 1000), new Arm(250, 1000));
        assertEquals(0.05, t.difference(), 1e-15);
        assertEquals(0.25, t.relativeLift(), 1e-15);
        assertEquals(0.05 / Math.sqrt(0.00034875), t.z(), 1e-12);
        assertEquals(2.6774, t.z(), 1e-4);
        assertEquals(0.00742, t.pValue(), 1e-5);
        assertTrue(t.significant(0.01));
        assertFalse(t.significant(0.005));
        // Wald: 0.05 ± 1.96 · sqrt(0.2·0.8/1000 + 0.25·0.75/1000) = 0.05 ± 1.96 · 0.0186145.
        Interval w = t.waldInterval(0.95);
        double half = 1.959963984540054 * Math.sqrt(0.16 / 1000 + 0.1875 / 1000);
        assertEquals(0.05 - half, w.lower(), 1e-12);
        assertEquals(0.05 + half, w.upper(), 1e-12);
    }

    @Test
    void newcombesPublishedExamples() {
        // Newcombe (1998), Statistics in Medicine 17: 873-890. Single proportion 81/263, Wilson
        // score interval 0.2553 to 0.3662; difference 56/70 − 48/80, method 10: 0.0524 to 0.3339.
        Interval wilson = new Arm(81, 263).wilsonInterval(0.95);
        assertEquals(0.2553, wilson.lower(), 5e-5);
        assertEquals(0.3662, wilson.upper(), 5e-5);
        Interval d = TwoProportionTest.of(new Arm(48, 80), new Arm(56, 70)).newcombeInterval(0.95);
        assertEquals(0.0524, d.lower(), 5e-5);
        assertEquals(0.3339, d.upper(), 5e-5);
    }

    @Test
    void agreesWithStatsmodels() {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder script = new StringBuilder("from statsmodels.stats.proportion import proportions_ztest, "
                + "confint_proportions_2indep, proportion_confint\n");
        long[][] cases = new long[12][];
        for (int i = 0; i < cases.length; i++) {
            long na = 20 + random.nextInt(5000);
            long nb = 20 + random.nextInt(5000);
            long ca = 1 + random.nextLong(na - 1);
            long cb = 1 + random.nextLong(nb - 1);
            cases[i] = new long[] {ca, na, cb, nb};
            script.append(String.format("z, p = proportions_ztest([%d, %d], [%d, %d])%n", cb, ca, nb, na))
                    .append(String.format("n = confint_proportions_2indep(%d, %d, %d, %d, method='newcomb', compare='diff')%n", cb, nb, ca, na))
                    .append(String.format("w = confint_proportions_2indep(%d, %d, %d, %d, method='wald', compare='diff')%n", cb, nb, ca, na))
                    .append(String.format("s = proportion_confint(%d, %d, alpha=0.1, method='wilson')%n", ca, na))
                    .append("print(repr(z), repr(p), repr(n[0]), repr(n[1]), repr(w[0]), repr(w[1]), repr(s[0]), repr(s[1]))\n");
        }
        double[] ref = PythonReference.numbers(script.toString());
        for (int i = 0; i < cases.length; i++) {
            long[] c = cases[i];
            TwoProportionTest t = TwoProportionTest.of(new Arm(c[0], c[1]), new Arm(c[2], c[3]));
            String at = "case " + java.util.Arrays.toString(c);
            assertEquals(ref[8 * i], t.z(), 1e-10, at);
            assertEquals(ref[8 * i + 1], t.pValue(), 1e-12 + 1e-9 * ref[8 * i + 1], at);
            assertEquals(ref[8 * i + 2], t.newcombeInterval(0.95).lower(), 1e-10, at);
            assertEquals(ref[8 * i + 3], t.newcombeInterval(0.95).upper(), 1e-10, at);
            assertEquals(ref[8 * i + 4], t.waldInterval(0.95).lower(), 1e-10, at);
            assertEquals(ref[8 * i + 5], t.waldInterval(0.95).upper(), 1e-10, at);
            assertEquals(ref[8 * i + 6], new Arm(c[0], c[1]).wilsonInterval(0.9).lower(), 1e-10, at);
            assertEquals(ref[8 * i + 7], new Arm(c[0], c[1]).wilsonInterval(0.9).upper(), 1e-10, at);
        }
    }

    @Test
    void armsFromOutcomes() {
        TwoProportionTest t = TwoProportionTest.of(new int[] {0, 1, 0, 0}, new int[] {1, 1, 0});
        assertEquals(new Arm(1, 4), t.control());
        assertEquals(new Arm(2, 3), t.treatment());
    }

    @Test
    void noVariationMeansNoEvidence() {
        TwoProportionTest t = TwoProportionTest.of(new Arm(0, 50), new Arm(0, 70));
        assertEquals(0, t.z());
        assertEquals(1, t.pValue());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Arm(11, 10)).getMessage().contains("between 0 and users"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Arm(0, 0)).getMessage().contains("at least one user"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Arm.of(new int[] {0, 2})).getMessage().contains("converted[1] = 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Arm(1, 10).wilsonInterval(95)).getMessage().contains("confidence"));
    }
}
