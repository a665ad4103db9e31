package org.deepbrew.data.rdata;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An R character vector; a missing element ({@code NA_character_}) reads as null. */
public final class RStringVector implements RVector {
    private final String[] values;
    private final RAttributes attributes;

    /** A vector of {@code values} (copied; null for NA), with {@code attributes}. */
    public RStringVector(String[] values, RAttributes attributes) {
        this.values = values.clone();
        this.attributes = attributes;
    }

    /** Element {@code i}, or null when it is {@code NA}. */
    public String get(int i) {
        return values[i];
    }

    /** The elements as an unmodifiable list (nulls for NA). */
    public List<String> asList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public boolean isNA(int i) {
        return values[i] == null;
    }

    @Override
    public RAttributes attributes() {
        return attributes;
    }

    @Override
    public String typeName() {
        return "character";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RStringVector v && Arrays.equals(values, v.values) && attributes.equals(v.attributes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + attributes.hashCode();
    }

    @Override
    public String toString() {
        return "character[" + values.length + "]" + RVectors.preview(values.length, i -> isNA(i) ? "NA" : '"' + values[i] + '"');
    }
}
