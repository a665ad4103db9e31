package org.deepbrew.train;

/**
 * Hears a {@link Fit} run as it goes; used for progress bars and live charts. All methods have
 * empty defaults, so a listener implements only what it shows.
 */
public interface FitListener {
    /** Before the first epoch. {@code batchesPerEpoch} is -1 when unknown. */
    default void onStart(int epochs, int batchesPerEpoch) {}

    /** After each training batch. */
    default void onBatch(BatchRecord batch, History history) {}

    /** After each epoch, validation included. */
    default void onEpoch(EpochRecord epoch, History history) {}

    /** After the run, early stop or not. */
    default void onEnd(History history) {}
}
