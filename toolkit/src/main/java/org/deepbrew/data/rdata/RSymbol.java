package org.deepbrew.data.rdata;

import java.util.Objects;

/**
 * An R symbol (a name such as {@code names} or {@code class}). In a serialized stream each
 * symbol is written once and later occurrences refer back to it.
 *
 * @param name the symbol's text
 */
public record RSymbol(String name) implements RValue {
    /** A symbol named {@code name}. */
    public RSymbol {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public RAttributes attributes() {
        return RAttributes.NONE;
    }

    @Override
    public String typeName() {
        return "symbol";
    }
}
