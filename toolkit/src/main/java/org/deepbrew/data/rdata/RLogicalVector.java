package org.deepbrew.data.rdata;

/** An R logical vector: TRUE, FALSE or {@code NA}, stored as R does (1, 0, {@link RIntVector#NA}). */
public final class RLogicalVector extends AbstractRVector implements RVector {
    private final int[] values;

    /** A vector of raw logical {@code values} (copied), with {@code attributes}. */
    public RLogicalVector(int[] values, RAttributes attributes) {
        super(attributes);
        this.values = values.clone();
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
    public String typeName() {
        return "logical";
    }

    @Override
    Object elements() {
        return values;
    }

    @Override
    String show(int i) {
        return isNA(i) ? "NA" : get(i) ? "TRUE" : "FALSE";
    }
}
