package org.deepbrew.nlp.bert;

/** Hears about fine-tuning or pretraining as it goes, to draw progress bars and curves. */
public interface TrainingListener {
    /** After each optimizer step (1-based) of {@code totalSteps}. */
    void onStep(int step, int totalSteps, float loss, float learningRate);

    /** After each epoch (1-based), with the validation accuracy (NaN when there is no validation set). */
    default void onEpoch(int epoch, double validationAccuracy) {}

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return (step, total, loss, lr) -> {};
    }
}
