package org.deepbrew.data.rdata;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What every vector class shares: its attributes, equality by content and a one-line
 * {@code toString} that previews the first elements, so a 100,000-element vector prints briefly.
 */
abstract class AbstractRVector {
    private static final int PREVIEW = 6;

    private final RAttributes attributes;

    AbstractRVector(RAttributes attributes) {
        this.attributes = Objects.requireNonNull(attributes, "attributes");
    }

    /** The attributes (names, class, levels, ...); empty for values without any. */
    public RAttributes attributes() {
        return attributes;
    }

    /** The number of elements. */
    public abstract int length();

    /** R's name for the type. */
    public abstract String typeName();

    /** The elements (an array or a list), compared by content in {@link #equals}. */
    abstract Object elements();

    /** Element {@code i} as R would print it. */
    abstract String show(int i);

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && Objects.deepEquals(elements(), ((AbstractRVector) o).elements())
                && attributes.equals(((AbstractRVector) o).attributes);
    }

    @Override
    public final int hashCode() {
        return 31 * Arrays.deepHashCode(new Object[] {elements()}) + attributes.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", typeName() + "[" + length() + "] [", length() > PREVIEW ? ", ...]" : "]");
        for (int i = 0; i < Math.min(length(), PREVIEW); i++) {
            j.add(show(i));
        }
        return j.toString();
    }
}
