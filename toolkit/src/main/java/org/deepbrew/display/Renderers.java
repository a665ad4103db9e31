package org.deepbrew.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry that decides how a value is shown. For a value of class {@code C} the renderer
 * registered for the most specific type wins: {@code C} itself, then its superclasses nearest
 * first, then the interfaces they implement (nearest first, e.g. {@link Displayable}). Without a
 * match the value is shown as {@code String.valueOf(value)}, Java arrays pretty-printed.
 *
 * <p>A {@link MimeBundle} is shown as it is, so code that builds its own bundle can display it.
 *
 * <p>Renderers for optional libraries (Tablesaw, XChart, DJL) are registered at start-up only
 * when the library is on the class path, so a missing library never breaks display.
 *
 * <pre>{@code
 * Renderers.register(Money.class, m -> MimeBundle.text(m.amount() + " " + m.currency()));
 * }</pre>
 */
public final class Renderers {
    private static final Map<Class<?>, Renderer<?>> REGISTERED = new ConcurrentHashMap<>();
    /** Lookup results per concrete class; cleared whenever the registry changes. */
    private static final Map<Class<?>, Optional<Renderer<?>>> RESOLVED = new ConcurrentHashMap<>();

    static {
        register(Displayable.class, Displayable::toMimeBundle);
        register(MimeBundle.class, bundle -> bundle);
        registerIfPresent("tech.tablesaw.api.Table", "org.deepbrew.display.TableRenderer");
        registerIfPresent("tech.tablesaw.columns.Column", "org.deepbrew.display.ColumnRenderer");
        registerIfPresent("tech.tablesaw.plotly.components.Figure", "org.deepbrew.display.PlotlyFigureRenderer");
        registerIfPresent("org.knowm.xchart.internal.chartpart.Chart", "org.deepbrew.display.ChartRenderer");
        registerIfPresent("java.awt.image.BufferedImage", "org.deepbrew.display.BufferedImageRenderer");
        registerIfPresent("ai.djl.modality.cv.Image", "org.deepbrew.display.DjlImageRenderer");
        registerIfPresent("ai.djl.ndarray.NDArray", "org.deepbrew.display.NDArrayRenderer");
    }

    private Renderers() {}

    /**
     * Registers (or replaces) the renderer for {@code type} and its subtypes.
     *
     * @param type     the class or interface the renderer handles
     * @param renderer turns a value of that type into a bundle
     * @param <T>      the handled type
     */
    public static <T> void register(Class<T> type, Renderer<? super T> renderer) {
        if (type == null || renderer == null) {
            throw new IllegalArgumentException("Renderers.register needs a type and a renderer, got "
                    + type + " and " + renderer);
        }
        REGISTERED.put(type, renderer);
        RESOLVED.clear();
    }

    /** Removes the renderer registered for exactly {@code type}; returns whether there was one. */
    public static boolean unregister(Class<?> type) {
        boolean removed = REGISTERED.remove(type) != null;
        RESOLVED.clear();
        return removed;
    }

    /** The renderer that would be used for values of {@code type}, if any is registered. */
    public static Optional<Renderer<?>> find(Class<?> type) {
        return RESOLVED.computeIfAbsent(type, Renderers::lookup);
    }

    /**
     * Renders any value: the most specific registered renderer, or text. Never throws for a
     * misbehaving renderer; the failure is reported in the text form instead so that a cell's
     * result is never lost.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static MimeBundle render(Object value) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        Optional<Renderer<?>> renderer = find(value.getClass());
        if (renderer.isEmpty()) {
            return plain(value);
        }
        try {
            MimeBundle bundle = ((Renderer) renderer.get()).render(value);
            if (bundle == null) {
                return plain(value);
            }
            if (!bundle.has("text/plain")) {
                bundle.with("text/plain", safeToString(value));
            }
            return bundle;
        } catch (RuntimeException | LinkageError e) {
            return MimeBundle.text(safeToString(value) + "\n(rich display failed: " + e + ")");
        }
    }

    /** The fallback: {@code String.valueOf}, with Java arrays printed element by element. */
    public static MimeBundle plain(Object value) {
        if (value != null && value.getClass().isArray()) {
            return MimeBundle.text(TextForms.array(value));
        }
        return MimeBundle.text(safeToString(value));
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString failed: " + e + ")";
        }
    }

    private static Optional<Renderer<?>> lookup(Class<?> type) {
        // Classes first: a renderer for a superclass is more specific than one for an interface.
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Renderer<?> r = REGISTERED.get(c);
            if (r != null) {
                return Optional.of(r);
            }
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            queue.addAll(java.util.List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            Class<?> i = queue.removeFirst();
            if (!seen.add(i)) {
                continue;
            }
            Renderer<?> r = REGISTERED.get(i);
            if (r != null) {
                return Optional.of(r);
            }
            queue.addAll(java.util.List.of(i.getInterfaces()));
        }
        return Optional.ofNullable(REGISTERED.get(Object.class));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerIfPresent(String typeName, String rendererName) {
        ClassLoader loader = Renderers.class.getClassLoader();
        try {
            Class<?> type = Class.forName(typeName, false, loader);
            Renderer renderer = (Renderer) Class.forName(rendererName, true, loader)
                    .getDeclaredConstructor().newInstance();
            REGISTERED.put(type, renderer);
        } catch (ReflectiveOperationException | LinkageError e) {
            // The optional library is absent: its values fall back to text.
        }
    }
}
