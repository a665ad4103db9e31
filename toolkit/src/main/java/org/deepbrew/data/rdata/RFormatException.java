package org.deepbrew.data.rdata;

import java.io.IOException;

/**
 * An R file that cannot be read: corrupt or truncated bytes, or a construct (such as a closure or an
 * environment) this reader does not support. The message says which and where.
 */
public class RFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error described by {@code message}. */
    public RFormatException(String message) {
        super(message);
    }

    /** An error described by {@code message}, caused by {@code cause}. */
    public RFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
