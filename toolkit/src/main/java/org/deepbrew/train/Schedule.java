package org.deepbrew.train;

import ai.djl.training.tracker.Tracker;

/**
 * A learning-rate schedule: the rate as a function of the optimizer step (1-based, as DJL's
 * optimizers count). It is a DJL {@link Tracker}, so it plugs straight into an optimizer:
 *
 * <pre>{@code
 * Schedule lr = Schedule.cosine(1e-3f, 1e-5f, 2000).warmup(100);
 * Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).build();
 * }</pre>
 */
@FunctionalInterface
public interface Schedule extends Tracker {
    /** The learning rate for optimizer step {@code step} (1-based). */
    float at(int step);

    @Override
    default float getNewValue(int numUpdate) {
        return at(Math.max(1, numUpdate));
    }

    /** The same rate at every step. */
    static Schedule constant(float rate) {
        positive(rate, "rate");
        return step -> rate;
    }

    /** Multiplies the rate by {@code factor} every {@code everySteps} steps: a staircase. */
    static Schedule step(float rate, int everySteps, float factor) {
        positive(rate, "rate");
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be at least 1, got " + everySteps);
        }
        if (factor <= 0 || factor > 1) {
            throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
        }
        return step -> rate * (float) Math.pow(factor, (step - 1) / everySteps);
    }

    /**
     * Half a cosine from {@code rate} at step 1 down to {@code finalRate} at {@code totalSteps},
     * then flat: large steps early, small steps to settle.
     */
    static Schedule cosine(float rate, float finalRate, int totalSteps) {
        decay(rate, finalRate, totalSteps, 2);
        return step -> {
            double t = Math.min(1.0, (double) (step - 1) / (totalSteps - 1));
            return (float) (finalRate + (rate - finalRate) * 0.5 * (1 + Math.cos(Math.PI * t)));
        };
    }

    /**
     * A straight line from {@code rate} at step 1 down to {@code finalRate} at {@code totalSteps},
     * then flat. With {@link #warmup(int)} in front it is BERT's recipe:
     * {@code Schedule.linear(5e-5f, 0, steps - w).warmup(w)}.
     */
    static Schedule linear(float rate, float finalRate, int totalSteps) {
        decay(rate, finalRate, totalSteps, 1);
        return step -> {
            double t = totalSteps == 1 ? 1.0 : Math.min(1.0, (double) (step - 1) / (totalSteps - 1));
            return (float) (rate + (finalRate - rate) * t);
        };
    }

    /**
     * This schedule preceded by a linear warm-up: step 1 gets 1/{@code steps} of the rate this
     * schedule gives at step 1, rising linearly to the full rate at step {@code steps}; after
     * that this schedule continues, shifted by the warm-up. Warm-up keeps early updates from
     * blowing up while Adam's moment estimates are still noisy.
     */
    default Schedule warmup(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("warm-up steps must be at least 1, got " + steps);
        }
        Schedule after = this;
        return step -> step <= steps ? after.at(1) * step / steps : after.at(step - steps);
    }

    /** Checks the arguments of a schedule that falls from {@code rate} to {@code finalRate}. */
    private static void decay(float rate, float finalRate, int totalSteps, int minSteps) {
        positive(rate, "rate");
        if (finalRate < 0 || finalRate > rate) {
            throw new IllegalArgumentException("finalRate must be in [0, rate], got " + finalRate);
        }
        if (totalSteps < minSteps) {
            throw new IllegalArgumentException("totalSteps must be at least " + minSteps + ", got " + totalSteps);
        }
    }

    private static void positive(float v, String name) {
        if (!(v > 0) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }
}
