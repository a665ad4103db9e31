package org.deepbrew.kernel.magics;

/**
 * A magic was used wrongly or could not do its job. The message is written for the notebook
 * user: it says what went wrong and what to type instead.
 */
public class MagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a user-facing message. */
    public MagicException(String message) {
        super(message);
    }

    /** A failure with a user-facing message and the underlying cause. */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
