package org.deepbrew.business;

import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What peeking does to an A/B test's false-positive rate. Simulates many A/A tests (both arms
 * convert at the same rate, so every "significant" result is a false positive), looks at the
 * two-proportion z test after every batch of users, and records which looks were significant.
 * Stopping at the first p &lt; alpha of k looks is then wrong far more often than alpha; looking once,
 * at the planned end, is wrong about alpha of the time.
 *
 * <pre>{@code
 * PeekingSimulation.Result r = PeekingSimulation.rate(0.1).usersPerArm(10_000).looks(20)
 *     .experiments(2_000).seed(1).run();
 * r.falsePositiveRate(1);    // ≈ 0.05
 * r.falsePositiveRate(20);   // ≈ 0.25
 * }</pre>
 */
public final class PeekingSimulation {
    private final double rate;
    private final int usersPerArm;
    private final int looks;
    private final int experiments;
    private final double alpha;
    private final long seed;

    private PeekingSimulation(double rate, int usersPerArm, int looks, int experiments, double alpha, long seed) {
        this.rate = rate;
        this.usersPerArm = usersPerArm;
        this.looks = looks;
        this.experiments = experiments;
        this.alpha = alpha;
        this.seed = seed;
    }

    /**
     * A/A tests whose arms both convert at {@code rate}; 10,000 users per arm, 10 looks, 1,000
     * experiments, alpha 0.05 and seed 1 until changed.
     */
    public static PeekingSimulation rate(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("the conversion rate must be in (0, 1), got " + rate);
        }
        return new PeekingSimulation(rate, 10_000, 10, 1_000, 0.05, 1);
    }

    /** Users each arm has at the planned end of the test. */
    public PeekingSimulation usersPerArm(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one user per arm, got " + n);
        }
        return new PeekingSimulation(rate, n, looks, experiments, alpha, seed);
    }

    /** How many times, equally spaced, the analyst looks; the last look is at the planned end. */
    public PeekingSimulation looks(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one look, got " + k);
        }
        return new PeekingSimulation(rate, usersPerArm, k, experiments, alpha, seed);
    }

    /** How many A/A tests to simulate. */
    public PeekingSimulation experiments(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one experiment, got " + n);
        }
        return new PeekingSimulation(rate, usersPerArm, looks, n, alpha, seed);
    }

    /** The significance level each look tests at. */
    public PeekingSimulation alpha(double a) {
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + a);
        }
        return new PeekingSimulation(rate, usersPerArm, looks, experiments, a, seed);
    }

    /** The random seed: the same seed gives the same experiments. */
    public PeekingSimulation seed(long s) {
        return new PeekingSimulation(rate, usersPerArm, looks, experiments, alpha, s);
    }

    /** Runs the experiments. */
    public Result run() {
        if (usersPerArm < looks) {
            throw new IllegalArgumentException(looks + " looks need at least as many users per arm, got " + usersPerArm);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] significant = new boolean[experiments][looks];
        for (int e = 0; e < experiments; e++) {
            long a = 0;
            long b = 0;
            int seen = 0;
            for (int j = 0; j < looks; j++) {
                int until = (int) ((long) usersPerArm * (j + 1) / looks);
                for (; seen < until; seen++) {
                    a += random.nextDouble() < rate ? 1 : 0;
                    b += random.nextDouble() < rate ? 1 : 0;
                }
                significant[e][j] = TwoProportionTest.of(new Arm(a, seen), new Arm(b, seen)).significant(alpha);
            }
        }
        return new Result(significant, alpha, usersPerArm);
    }

    /** Which looks of which simulated A/A test came out significant. */
    public static final class Result {
        private final boolean[][] significant;
        private final double alpha;
        private final int usersPerArm;

        private Result(boolean[][] significant, double alpha, int usersPerArm) {
            this.significant = significant;
            this.alpha = alpha;
            this.usersPerArm = usersPerArm;
        }

        /** Number of simulated experiments. */
        public int experiments() {
            return significant.length;
        }

        /** Number of looks simulated per experiment. */
        public int looks() {
            return significant[0].length;
        }

        /** The significance level of each look. */
        public double alpha() {
            return alpha;
        }

        /**
         * The fraction of experiments an analyst who looks {@code k} times, equally spaced, and
         * stops at the first significant look declares a winner. {@code k} must divide
         * {@link #looks()}; k = 1 is the honest test, one look at the planned end.
         */
        public double falsePositiveRate(int k) {
            int every = spacing(k);
            int hits = 0;
            for (boolean[] run : significant) {
                for (int j = every - 1; j < run.length; j += every) {
                    if (run[j]) {
                        hits++;
                        break;
                    }
                }
            }
            return (double) hits / significant.length;
        }

        /** The average number of users per arm at which an analyst looking {@code k} times stops. */
        public double averageUsersAtStop(int k) {
            int every = spacing(k);
            int n = looks();
            double sum = 0;
            for (boolean[] run : significant) {
                int stop = n - 1;
                for (int j = every - 1; j < n; j += every) {
                    if (run[j]) {
                        stop = j;
                        break;
                    }
                }
                sum += (double) usersPerArm * (stop + 1) / n;
            }
            return sum / significant.length;
        }

        /** The binomial standard error of a false-positive rate estimated from these experiments. */
        public double standardError(double rate) {
            return Math.sqrt(rate * (1 - rate) / significant.length);
        }

        /** Every k that divides the number of looks, ascending. */
        public int[] lookCounts() {
            List<Integer> ks = new ArrayList<>();
            for (int k = 1; k <= looks(); k++) {
                if (looks() % k == 0) {
                    ks.add(k);
                }
            }
            return ks.stream().mapToInt(Integer::intValue).toArray();
        }

        private int spacing(int k) {
            if (k < 1 || looks() % k != 0) {
                throw new IllegalArgumentException(k + " looks do not divide the " + looks() + " simulated looks");
            }
            return looks() / k;
        }

        /** The false-positive rate against the number of looks (log axis), with alpha for reference. */
        public XYChart plot() {
            int[] ks = lookCounts();
            double[] x = new double[ks.length];
            double[] y = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                x[i] = ks[i];
                y[i] = falsePositiveRate(ks[i]);
            }
            XYChart chart = Charts.xy(String.format(Locale.ROOT, "A/A tests: false positives when peeking (%d experiments)",
                    experiments()), "looks at the data (stop at the first p < alpha)", "false-positive rate");
            chart.addSeries("simulated", x, y);
            Charts.curve(chart, "nominal alpha", new double[] {1, Math.max(2, looks())}, new double[] {alpha, alpha});
            chart.getStyler().setXAxisLogarithmic(looks() > 1);
            return chart;
        }
    }
}
