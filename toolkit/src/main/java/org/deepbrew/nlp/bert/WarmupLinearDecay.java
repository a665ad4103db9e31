package org.deepbrew.nlp.bert;

import ai.djl.training.tracker.Tracker;

/**
 * BERT's learning-rate schedule: linear warm-up from 0 to the peak over the first steps, then
 * linear decay to 0 at the last step.
 */
public final class WarmupLinearDecay implements Tracker {
    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;

    /** Peaks at {@code peak} after {@code warmupSteps}, reaches 0 at {@code totalSteps}. */
    public WarmupLinearDecay(float peak, int warmupSteps, int totalSteps) {
        if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("Need 0 <= warmupSteps (" + warmupSteps + ") <= totalSteps ("
                    + totalSteps + ") and totalSteps > 0");
        }
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
    }

    @Override
    public float getNewValue(int numUpdate) {
        // DJL counts updates from 1.
        int step = Math.max(1, numUpdate);
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        return peak * Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
