package org.deepbrew.data.rdata;

/**
 * An R double ("numeric") vector. R marks a missing value with one particular NaN (low word 1954),
 * distinct from the NaN arithmetic produces; {@link #isNA} tells them apart, both read as NaN.
 */
public final class RDoubleVector extends AbstractRVector implements RVector {
    /** The bits of R's {@code NA_real_}. */
    public static final long NA_BITS = 0x7FF00000000007A2L;
    /** R's {@code NA_real_} as a Java double (a NaN). */
    public static final double NA = Double.longBitsToDouble(NA_BITS);

    private final double[] values;

    /** A vector of {@code values} (copied), with {@code attributes}. */
    public RDoubleVector(double[] values, RAttributes attributes) {
        super(attributes);
        this.values = values.clone();
    }

    /** Element {@code i}; a NaN when missing. */
    public double get(int i) {
        return values[i];
    }

    /** A copy of all elements. */
    public double[] toArray() {
        return values.clone();
    }

    /** Whether element {@code i} is {@code NA} (and not just NaN). */
    @Override
    public boolean isNA(int i) {
        // R compares only the low word: a signalling or quiet NA both count.
        return Double.isNaN(values[i]) && (int) Double.doubleToRawLongBits(values[i]) == 1954;
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public String typeName() {
        return "double";
    }

    @Override
    Object elements() {
        return values;
    }

    @Override
    String show(int i) {
        return isNA(i) ? "NA" : String.valueOf(values[i]);
    }
}
