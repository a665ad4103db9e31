package org.deepbrew.data.rdata;

import java.util.Arrays;

/** An R logical vector: TRUE, FALSE or {@code NA}, stored as R does (1, 0, {@link RIntVector#NA}). */
public final class RLogicalVector implements RVector {
    private final int[] values;
    private final RAttributes attributes;

    /** A vector of raw logical {@code values} (copied), with {@code attributes}. */
    public RLogicalVector(int[] values, RAttributes attributes) {
        this.values = values.clone();
        this.attributes = attributes;
    }

    /** Element {@code i}, or null when it is {@code NA}. */
    public Boolean get(int i) {
        return isNA(i) ? null : values[i] != 0;
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public boolean isNA(int i) {
        return values[i] == RIntVector.NA;
    }

    @Override
    public RAttributes attributes() {
        return attributes;
    }

    @Override
    public String typeName() {
        return "logical";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RLogicalVector v && Arrays.equals(values, v.values) && attributes.equals(v.attributes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + attributes.hashCode();
    }

    @Override
    public String toString() {
        return "logical[" + values.length + "]" + RVectors.preview(values.length, i -> isNA(i) ? "NA" : "" + get(i));
    }
}
