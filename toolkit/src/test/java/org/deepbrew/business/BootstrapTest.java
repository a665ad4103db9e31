package org.deepbrew.business;

import org.deepbrew.data.prep.Stats;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {
    @Test
    void conversionDifferenceMatchesTheWaldInterval() {
        // For large arms the bootstrap distribution of a difference of rates is close to normal
        // with the unpooled standard error, so its percentile interval ≈ the Wald interval.
        int[] a = outcomes(4_000, 0.10, 1);
        int[] b = outcomes(4_000, 0.12, 2);
        Interval boot = Bootstrap.resamples(4_000).seed(3).differenceOfRates(a, b, 0.95);
        Interval wald = TwoProportionTest.of(a, b).waldInterval(0.95);
        assertEquals(wald.lower(), boot.lower(), 0.0015);
        assertEquals(wald.upper(), boot.upper(), 0.0015);
    }

    @Test
    void agreesWithScipyPercentileBootstrap() {
        double[] sample = new double[300];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < sample.length; i++) {
            sample[i] = -Math.log(r.nextDouble()); // exponential, mean 1: a skewed statistic's interval
        }
        double[] ref = PythonReference.numbers("import numpy as np\nfrom scipy.stats import bootstrap\n"
                + "x = np.array(" + PythonReference.list(sample) + ")\n"
                + "ci = bootstrap((x,), np.median, n_resamples=20000, confidence_level=0.9, method='percentile', "
                + "random_state=np.random.default_rng(0)).confidence_interval\nprint(repr(ci.low), repr(ci.high))");
        Interval ours = Bootstrap.resamples(20_000).seed(9).interval(sample, Stats::median, 0.9);
        // Different random streams: the two agree to the resampling noise of the bounds.
        assertEquals(ref[0], ours.lower(), 0.03);
        assertEquals(ref[1], ours.upper(), 0.03);
    }

    @Test
    void aConstantSampleHasNoUncertainty() {
        double[] c = {2.5, 2.5, 2.5, 2.5};
        Interval i = Bootstrap.resamples(500).interval(c, Stats::mean, 0.95);
        assertEquals(2.5, i.lower());
        assertEquals(2.5, i.upper());
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        // numpy.percentile([1..10], [5, 95]) = 1.45, 9.55 (position q·(n − 1), linear).
        Interval i = Bootstrap.percentiles(new double[] {3, 1, 2, 10, 4, 5, 9, 6, 8, 7}, 0.9);
        assertEquals(1.45, i.lower(), 1e-12);
        assertEquals(9.55, i.upper(), 1e-12);
    }

    @Test
    void seededAndRepeatable() {
        double[] x = {1, 4, 2, 8, 5, 7, 3, 3, 9, 0};
        Interval a = Bootstrap.resamples(1_000).seed(7).interval(x, Stats::mean, 0.9);
        Interval b = Bootstrap.resamples(1_000).seed(7).interval(x, Stats::mean, 0.9);
        Interval c = Bootstrap.resamples(1_000).seed(8).interval(x, Stats::mean, 0.9);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.contains(Stats.mean(x)));
    }

    @Test
    void refusesTooFewResamplesAndEmptyData() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.resamples(10));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bootstrap.resamples(100).interval(new double[0], Stats::mean, 0.9))
                .getMessage().contains("empty"));
    }

    static int[] outcomes(int n, double rate, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextDouble() < rate ? 1 : 0;
        }
        return out;
    }
}
