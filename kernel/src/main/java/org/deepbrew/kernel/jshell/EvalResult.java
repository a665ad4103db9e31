package org.deepbrew.kernel.jshell;

/**
 * What a cell evaluated to: either no value (statements, declarations) or a value, which may
 * be {@code null}.
 */
public final class EvalResult {
    /** The result of a cell whose last snippet is not an expression. */
    public static final EvalResult NONE = new EvalResult(false, null);

    private final boolean present;
    private final Object value;

    private EvalResult(boolean present, Object value) {
        this.present = present;
        this.value = value;
    }

    /** A result holding {@code value} (possibly {@code null}). */
    public static EvalResult of(Object value) {
        return new EvalResult(true, value);
    }

    /** True when the cell ended with an expression. */
    public boolean hasValue() {
        return present;
    }

    /** The live object the last expression produced; {@code null} also when there is none. */
    public Object value() {
        return value;
    }

    @Override
    public String toString() {
        return present ? "EvalResult[" + value + "]" : "EvalResult[none]";
    }
}
