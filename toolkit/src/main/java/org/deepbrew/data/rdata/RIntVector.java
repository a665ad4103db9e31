package org.deepbrew.data.rdata;

import java.util.Arrays;

/**
 * An R integer vector; also the storage of factors, whose codes count from 1 into the
 * {@code levels} attribute.
 */
public final class RIntVector implements RVector {
    /** R's {@code NA_integer_}: the smallest int, which R reserves for "missing". */
    public static final int NA = Integer.MIN_VALUE;

    private final int[] values;
    private final RAttributes attributes;

    /** A vector of {@code values} (copied), with {@code attributes}. */
    public RIntVector(int[] values, RAttributes attributes) {
        this.values = values.clone();
        this.attributes = attributes;
    }

    /** Element {@code i}; {@link #NA} when missing. */
    public int get(int i) {
        return values[i];
    }

    /** A copy of all elements. */
    public int[] toArray() {
        return values.clone();
    }

    /**
     * The level of factor element {@code i}, or null when it is {@code NA}.
     *
     * @throws IllegalStateException if this is not a factor
     */
    public String level(int i) {
        if (!isFactor()) {
            throw new IllegalStateException("not a factor: class " + attributes.classes());
        }
        int code = values[i];
        if (code == NA) {
            return null;
        }
        var levels = attributes.strings("levels");
        if (code < 1 || code > levels.size()) {
            throw new IllegalStateException("factor code " + code + " at " + i + " outside 1.." + levels.size());
        }
        return levels.get(code - 1);
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public boolean isNA(int i) {
        return values[i] == NA;
    }

    @Override
    public RAttributes attributes() {
        return attributes;
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RIntVector v && Arrays.equals(values, v.values) && attributes.equals(v.attributes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + attributes.hashCode();
    }

    @Override
    public String toString() {
        return "integer[" + values.length + "]" + RVectors.preview(values.length, i -> isNA(i) ? "NA" : "" + values[i]);
    }
}
