package org.deepbrew.data;

import java.util.List;

/**
 * No source could supply a data set. The message lists every source tried and why it failed, so
 * the reader knows what to install or where to download by hand.
 */
public class DataUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> attempts;

    /** A failure for {@code dataset} after the given attempts ("source: reason"). */
    public DataUnavailableException(String dataset, List<String> attempts, Throwable last) {
        this(dataset, attempts, last, null);
    }

    /**
     * A failure for {@code dataset} after the given attempts ("source: reason"), with a last line
     * saying what the reader can do instead ({@code null}: none).
     */
    public DataUnavailableException(String dataset, List<String> attempts, Throwable last, String remedy) {
        super(message(dataset, attempts) + (remedy == null ? "" : "\n" + remedy), last);
        this.attempts = List.copyOf(attempts);
    }

    private static String message(String dataset, List<String> attempts) {
        StringBuilder sb = new StringBuilder("Could not obtain data set '" + dataset + "'. Sources tried:");
        for (String a : attempts) {
            sb.append("\n  - ").append(a);
        }
        if (attempts.isEmpty()) {
            sb.append(" none (the manifest lists no source)");
        }
        return sb.toString();
    }

    /** Each source tried, with the reason it failed. */
    public List<String> attempts() {
        return attempts;
    }
}
