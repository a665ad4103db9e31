package org.deepbrew.train;

import java.util.concurrent.CancellationException;

/**
 * Thrown between two batches when the thread that trains was interrupted: the ■ button in
 * Jupyter, {@code Thread.interrupt()} elsewhere. Training loops check at each batch, since an
 * engine call itself cannot be stopped midway; the model keeps the parameters of the last step.
 */
public final class TrainingInterrupted extends CancellationException {
    private static final long serialVersionUID = 1L;

    private TrainingInterrupted(String message) {
        super(message);
    }

    /**
     * Throws when the current thread was interrupted. Its interrupt flag stays set, so the code
     * around the loop learns of the interrupt too.
     */
    public static void check(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingInterrupted(what + " was interrupted");
        }
    }
}
