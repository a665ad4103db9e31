package org.deepbrew.data.rdata;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An R character vector; a missing element ({@code NA_character_}) reads as null. */
public final class RStringVector extends AbstractRVector implements RVector {
    private final String[] values;

    /** A vector of {@code values} (copied; null for NA), with {@code attributes}. */
    public RStringVector(String[] values, RAttributes attributes) {
        super(attributes);
        this.values = values.clone();
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
    public String typeName() {
        return "character";
    }

    @Override
    Object elements() {
        return values;
    }

    @Override
    String show(int i) {
        return isNA(i) ? "NA" : '"' + values[i] + '"';
    }
}
