package org.deepbrew.business;

import org.deepbrew.data.prep.Stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals: resample the data with replacement many times,
 * recompute the statistic, and read the interval off the middle of its distribution. No formula
 * for the standard error needed, so it works for any statistic; seeded, so it repeats exactly.
 *
 * <pre>{@code
 * Interval ci = Bootstrap.resamples(10_000).seed(1).differenceOfMeans(control, treatment, 0.95);
 * }</pre>
 */
public final class Bootstrap {
    private final int resamples;
    private final long seed;

    private Bootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("a bootstrap needs at least 100 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** A bootstrap of {@code n} resamples, seed 1 until changed. */
    public static Bootstrap resamples(int n) {
        return new Bootstrap(n, 1);
    }

    /** The random seed. */
    public Bootstrap seed(long s) {
        return new Bootstrap(resamples, s);
    }

    /** The interval for {@code statistic} of one sample. */
    public Interval interval(double[] sample, ToDoubleFunction<double[]> statistic, double confidence) {
        return percentiles(distribution(sample, statistic), confidence);
    }

    /**
     * The interval for a statistic of two independent samples (an A/B test's two arms), each
     * resampled within itself so the arms keep their sizes.
     */
    public Interval interval(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> statistic, double confidence) {
        return percentiles(distribution(a, b, statistic), confidence);
    }

    /** The interval for mean(b) − mean(a); with 0/1 outcomes, the difference in conversion rates. */
    public Interval differenceOfMeans(double[] a, double[] b, double confidence) {
        return interval(a, b, (x, y) -> Stats.mean(y) - Stats.mean(x), confidence);
    }

    /** {@link #differenceOfMeans(double[], double[], double)} for 0/1 outcomes per user. */
    public Interval differenceOfRates(int[] control, int[] treatment, double confidence) {
        return differenceOfMeans(Arrays.stream(control).asDoubleStream().toArray(),
                Arrays.stream(treatment).asDoubleStream().toArray(), confidence);
    }

    /** The statistic of each resample of one sample, in resample order. */
    public double[] distribution(double[] sample, ToDoubleFunction<double[]> statistic) {
        checkNotEmpty(sample, "sample");
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[resamples];
        double[] buffer = new double[sample.length];
        for (int r = 0; r < resamples; r++) {
            resample(sample, buffer, random);
            out[r] = statistic.applyAsDouble(buffer);
        }
        return out;
    }

    /** The statistic of each paired resample of two samples. */
    public double[] distribution(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> statistic) {
        checkNotEmpty(a, "first sample");
        checkNotEmpty(b, "second sample");
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[resamples];
        double[] ba = new double[a.length];
        double[] bb = new double[b.length];
        for (int r = 0; r < resamples; r++) {
            resample(a, ba, random);
            resample(b, bb, random);
            out[r] = statistic.applyAsDouble(ba, bb);
        }
        return out;
    }

    private static void resample(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    /** The (1 − c)/2 and (1 + c)/2 quantiles, interpolated linearly between order statistics. */
    static Interval percentiles(double[] values, double confidence) {
        Arm.checkConfidence(confidence);
        return new Interval(Stats.quantile(values, (1 - confidence) / 2), Stats.quantile(values, (1 + confidence) / 2));
    }

    private static void checkNotEmpty(double[] v, String what) {
        if (v.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty; a bootstrap needs data");
        }
    }
}
