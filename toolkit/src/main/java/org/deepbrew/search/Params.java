package org.deepbrew.search;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a {@link SearchSpace}: a value for every named hyper-parameter, in the order the
 * space declares them. Serializable, so a trial can be sent to another JVM (a Spark task, say);
 * the values are numbers or the choices a space declared, which should be serializable too.
 */
public final class Params implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every value by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** The raw value of {@code name}. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyper-parameter '" + name + "'; known: " + values.keySet());
        }
        return v;
    }

    /** A numeric value as a double. */
    public double getDouble(String name) {
        return number(name).doubleValue();
    }

    /** A numeric value as a float (learning rates for DJL's optimizers). */
    public float getFloat(String name) {
        return number(name).floatValue();
    }

    /** An integer value (hidden sizes, batch sizes). */
    public int getInt(String name) {
        Number n = number(name);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("hyper-parameter '" + name + "' is not an integer: " + n);
        }
        return n.intValue();
    }

    private Number number(String name) {
        Object v = get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("hyper-parameter '" + name + "' is not numeric: " + v);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=');
            sb.append(v instanceof Double d ? String.format("%.4g", d) : String.valueOf(v));
        });
        return sb.append('}').toString();
    }
}
