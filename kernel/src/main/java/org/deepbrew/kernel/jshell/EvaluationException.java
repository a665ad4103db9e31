package org.deepbrew.kernel.jshell;

import java.util.List;

/**
 * Why a cell failed, already formatted for a person: {@link #traceback()} is what the notebook
 * shows. For {@link Kind#RUNTIME} failures {@link #getCause()} is the exception the code threw.
 */
public final class EvaluationException extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** The code did not compile. */
        COMPILE("CompilationError"),
        /** The code threw an exception. */
        RUNTIME("RuntimeError"),
        /** The code uses a method, variable or class that is not defined yet. */
        UNRESOLVED("UnresolvedReference"),
        /** The user interrupted the cell. */
        INTERRUPTED("Interrupted");

        private final String errorName;

        Kind(String errorName) {
            this.errorName = errorName;
        }
    }

    private final Kind kind;
    private final String errorName;
    private final List<String> traceback;

    EvaluationException(Kind kind, String errorName, String message, List<String> traceback, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorName = errorName == null ? kind.errorName : errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** An interruption, reported the same way whatever the code was doing when it was stopped. */
    public static EvaluationException interrupted() {
        String message = "Interrupted: the cell was stopped before it finished.";
        return new EvaluationException(Kind.INTERRUPTED, null, message,
                List.of(Ansi.red(message), "Variables the cell assigned before the interrupt keep their values."), null);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Short name for Jupyter's {@code ename}: the exception's class name for runtime failures. */
    public String errorName() {
        return errorName;
    }

    /** The lines the notebook shows (may contain ANSI colours). */
    public List<String> traceback() {
        return traceback;
    }
}
