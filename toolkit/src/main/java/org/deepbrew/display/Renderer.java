package org.deepbrew.display;

/**
 * Turns a value of one type into what Jupyter shows: a {@link MimeBundle}. Register one with
 * {@link Renderers#register(Class, Renderer)}.
 *
 * <pre>{@code
 * Renderers.register(Point.class, p -> MimeBundle.text("(" + p.x + ", " + p.y + ")"));
 * }</pre>
 *
 * @param <T> the type of value rendered
 */
@FunctionalInterface
public interface Renderer<T> {
    /** Renders {@code value}, which is never {@code null}. */
    MimeBundle render(T value);
}
