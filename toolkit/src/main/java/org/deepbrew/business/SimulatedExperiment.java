package org.deepbrew.business;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An A/B test on simulated users whose true conversion rates are known: each user is randomised
 * to control or treatment by a fair coin, then converts with the rate of their arm. The ground
 * truth is what a real experiment never has, which is what makes it a test of the statistics.
 *
 * <pre>{@code
 * SimulatedExperiment.Outcome o = SimulatedExperiment.rates(0.10, 0.11).users(30_000).seed(1).run();
 * o.test().pValue();
 * }</pre>
 */
public final class SimulatedExperiment {
    private final double controlRate;
    private final double treatmentRate;
    private final int users;
    private final long seed;

    private SimulatedExperiment(double controlRate, double treatmentRate, int users, long seed) {
        this.controlRate = controlRate;
        this.treatmentRate = treatmentRate;
        this.users = users;
        this.seed = seed;
    }

    /** An experiment whose arms truly convert at these rates; 10,000 users and seed 1 until changed. */
    public static SimulatedExperiment rates(double control, double treatment) {
        for (double r : new double[] {control, treatment}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("conversion rates must be in [0, 1], got " + r);
            }
        }
        return new SimulatedExperiment(control, treatment, 10_000, 1);
    }

    /** Users in the whole experiment, both arms together. */
    public SimulatedExperiment users(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("an experiment needs at least 2 users, got " + n);
        }
        return new SimulatedExperiment(controlRate, treatmentRate, n, seed);
    }

    /** The random seed of assignment and conversions. */
    public SimulatedExperiment seed(long s) {
        return new SimulatedExperiment(controlRate, treatmentRate, users, s);
    }

    /** The true difference in conversion rate, treatment − control. */
    public double trueDifference() {
        return treatmentRate - controlRate;
    }

    /** Randomises and converts every user. */
    public Outcome run() {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] treated = new boolean[users];
        int inTreatment = 0;
        for (int i = 0; i < users; i++) {
            treated[i] = random.nextBoolean();
            inTreatment += treated[i] ? 1 : 0;
        }
        if (inTreatment == 0 || inTreatment == users) {
            throw new IllegalStateException("the coin put all " + users + " users in one arm; use more users");
        }
        int[] control = new int[users - inTreatment];
        int[] treatment = new int[inTreatment];
        int c = 0;
        int t = 0;
        for (int i = 0; i < users; i++) {
            if (treated[i]) {
                treatment[t++] = random.nextDouble() < treatmentRate ? 1 : 0;
            } else {
                control[c++] = random.nextDouble() < controlRate ? 1 : 0;
            }
        }
        return new Outcome(control, treatment);
    }

    /**
     * The 0/1 outcomes of each arm's users, in arrival order.
     *
     * @param control outcomes of the control arm
     * @param treatment outcomes of the treatment arm
     */
    public record Outcome(int[] control, int[] treatment) {
        /** The two-proportion test of the outcomes. */
        public TwoProportionTest test() {
            return TwoProportionTest.of(control, treatment);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d users in control, %d in treatment; %s", control.length, treatment.length, test());
        }
    }
}
