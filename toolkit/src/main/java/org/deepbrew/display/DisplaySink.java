package org.deepbrew.display;

/**
 * Where displayed outputs go. The Jupyter kernel installs a sink that publishes
 * {@code display_data} and {@code update_display_data} messages; outside Jupyter a console sink
 * prints the plain-text form. Implementations must accept calls from any thread, also after the
 * cell that created a display has finished.
 */
public interface DisplaySink {
    /**
     * Shows a new output.
     *
     * @param bundle    what to show
     * @param displayId the id later updates refer to, or {@code null} for an output that never changes
     */
    void display(MimeBundle bundle, String displayId);

    /** Replaces, in place, the output that was shown under {@code displayId}. */
    void update(MimeBundle bundle, String displayId);

    /**
     * Whether this sink shows rich outputs (HTML, images) that can be replaced in place. Progress
     * bars and live charts update less often on a sink that only prints text, so that a console
     * is not flooded.
     */
    default boolean showsRichOutput() {
        return true;
    }
}
