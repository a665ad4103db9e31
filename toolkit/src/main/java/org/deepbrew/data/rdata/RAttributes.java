package org.deepbrew.data.rdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of an R value, in the order R stored them: {@code names}, {@code class},
 * {@code levels}, {@code row.names} and any others.
 */
public final class RAttributes {
    /** No attributes. */
    public static final RAttributes NONE = new RAttributes(Map.of());

    private final Map<String, RValue> values;

    private RAttributes(Map<String, RValue> values) {
        this.values = values;
    }

    /** Attributes holding {@code values}, keeping their iteration order. */
    public static RAttributes of(Map<String, RValue> values) {
        return values.isEmpty() ? NONE : new RAttributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** All attributes by name, in stored order. */
    public Map<String, RValue> asMap() {
        return values;
    }

    /** The attribute {@code name}, if present. */
    public Optional<RValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The {@code class} attribute's strings; empty when there is none. */
    public List<String> classes() {
        return strings("class");
    }

    /** The {@code names} attribute's strings; empty when there is none. */
    public List<String> names() {
        return strings("names");
    }

    /** The strings of a character attribute; empty when absent or not character. */
    public List<String> strings(String name) {
        RValue v = values.get(name);
        return v instanceof RStringVector s ? s.asList() : List.of();
    }

    /** Whether there are no attributes. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RAttributes a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
