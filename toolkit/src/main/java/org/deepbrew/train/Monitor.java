package org.deepbrew.train;

/** A quantity early stopping and checkpoints watch, and which way is better. */
public enum Monitor {
    /** Mean training loss of the epoch. */
    TRAIN_LOSS(false),
    /** Training accuracy of the epoch. */
    TRAIN_ACCURACY(true),
    /** Validation loss (needs a validation set). */
    VAL_LOSS(false),
    /** Validation accuracy (needs a validation set). */
    VAL_ACCURACY(true);

    private final boolean higherIsBetter;

    Monitor(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** True for accuracies, false for losses. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when this monitor reads the validation set. */
    public boolean needsValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY;
    }

    /** The monitored value in an epoch record (NaN when absent). */
    public double read(EpochRecord e) {
        switch (this) {
            case TRAIN_LOSS: return e.trainLoss();
            case TRAIN_ACCURACY: return e.trainAccuracy();
            case VAL_LOSS: return e.valLoss();
            default: return e.valAccuracy();
        }
    }

    /** True when {@code candidate} beats {@code best} by more than {@code minDelta}. */
    public boolean improves(double candidate, double best, double minDelta) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? candidate > best + minDelta : candidate < best - minDelta;
    }
}
