package org.deepbrew.data.rdata;

/**
 * An R integer vector; also the storage of factors, whose codes count from 1 into the
 * {@code levels} attribute.
 */
public final class RIntVector extends AbstractRVector implements RVector {
    /** R's {@code NA_integer_}: the smallest int, which R reserves for "missing". */
    public static final int NA = Integer.MIN_VALUE;

    private final int[] values;

    /** A vector of {@code values} (copied), with {@code attributes}. */
    public RIntVector(int[] values, RAttributes attributes) {
        super(attributes);
        this.values = values.clone();
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
            throw new IllegalStateException("not a factor: class " + attributes().classes());
        }
        int code = values[i];
        if (code == NA) {
            return null;
        }
        var levels = attributes().strings("levels");
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
    public String typeName() {
        return "integer";
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
