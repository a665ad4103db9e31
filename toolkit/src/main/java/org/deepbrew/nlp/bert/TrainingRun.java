package org.deepbrew.nlp.bert;

import java.util.List;

/**
 * What one training run did: the loss after every step, validation accuracy after every epoch,
 * and how fast it went.
 */
public record TrainingRun(List<Float> stepLosses, List<Double> validationAccuracies, long sequences, double seconds) {

    /** Training throughput: sequences per second, forward and backward. */
    public double sequencesPerSecond() {
        return seconds <= 0 ? 0 : sequences / seconds;
    }

    /** The mean loss of the first and last {@code window} steps, to say whether it fell. */
    public float meanLoss(boolean first, int window) {
        int n = Math.min(window, stepLosses.size());
        List<Float> part = first ? stepLosses.subList(0, n) : stepLosses.subList(stepLosses.size() - n, stepLosses.size());
        return (float) part.stream().mapToDouble(Float::doubleValue).average().orElse(Double.NaN);
    }
}
