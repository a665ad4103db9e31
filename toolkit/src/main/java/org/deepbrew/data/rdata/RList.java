package org.deepbrew.data.rdata;

import java.util.List;
import java.util.Optional;

/**
 * An R list (a generic vector, or a pairlist read as one); a data.frame is a list of equally long
 * columns with class "data.frame". Element names, when present, are in the {@code names} attribute.
 */
public final class RList extends AbstractRVector implements RVector {
    private final List<RValue> values;

    /** A list of {@code values} (copied), with {@code attributes}. */
    public RList(List<RValue> values, RAttributes attributes) {
        super(attributes);
        this.values = List.copyOf(values);
    }

    /** Element {@code i}. */
    public RValue get(int i) {
        return values.get(i);
    }

    /** The first element named {@code name}, as R's {@code x[[name]]} finds it. */
    public Optional<RValue> get(String name) {
        int i = attributes().names().indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values.get(i));
    }

    /** All elements. */
    public List<RValue> asList() {
        return values;
    }

    @Override
    public int length() {
        return values.size();
    }

    /** A list element is NA only when it is a length-one vector holding NA, as R's {@code is.na} says. */
    @Override
    public boolean isNA(int i) {
        return values.get(i) instanceof RVector v && !(v instanceof RList) && v.length() == 1 && v.isNA(0);
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    Object elements() {
        return values;
    }

    @Override
    String show(int i) {
        return values.get(i).typeName();
    }

    @Override
    public String toString() {
        List<String> names = attributes().names();
        return names.isEmpty() ? super.toString() : "list[" + values.size() + "]" + names;
    }
}
