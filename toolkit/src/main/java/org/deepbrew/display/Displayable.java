package org.deepbrew.display;

/**
 * A value that knows how to show itself. {@link Display#render(Object)} uses
 * {@link #toMimeBundle()} unless a renderer was registered for a more specific type.
 */
@FunctionalInterface
public interface Displayable {
    /** This value as Jupyter should show it; should include a {@code text/plain} form. */
    MimeBundle toMimeBundle();
}
