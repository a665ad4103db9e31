package org.deepbrew.data.rdata;

/** An R vector: a fixed-length sequence of one type, possibly with missing ({@code NA}) elements. */
public sealed interface RVector extends RValue permits RIntVector, RDoubleVector, RLogicalVector, RStringVector, RList {
    /** The number of elements. */
    int length();

    /** Whether element {@code i} is {@code NA}. */
    boolean isNA(int i);

    /** Whether this is a factor: integer codes with a {@code levels} attribute and class "factor". */
    default boolean isFactor() {
        return this instanceof RIntVector && inherits("factor");
    }
}
