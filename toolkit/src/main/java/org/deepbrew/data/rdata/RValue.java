package org.deepbrew.data.rdata;

/**
 * A value read from R's serialization format: a vector, a list, a symbol or {@code NULL}.
 *
 * <p>Only the data-holding part of R's object model is represented; closures, environments and
 * byte code are refused by {@link RSerialization} with an error that names their type.
 */
public sealed interface RValue permits RNull, RSymbol, RVector {
    /** The attributes (names, class, levels, ...); empty for values without any. */
    RAttributes attributes();

    /** R's name for the type, as {@code typeof()} prints it: "integer", "list", ... */
    String typeName();

    /** Whether {@code class(x)} includes {@code cls}, as R's {@code inherits()} answers. */
    default boolean inherits(String cls) {
        return attributes().classes().contains(cls);
    }
}
