package org.deepbrew.kernel;

import java.util.ArrayList;
import java.util.List;
import org.deepbrew.kernel.jshell.EvaluationException;

/** A failed cell as Jupyter shows it: {@code ename}, {@code evalue} and the traceback lines. */
record ErrorView(String name, String value, List<String> traceback) {

    static ErrorView of(Throwable error) {
        if (error instanceof EvaluationException) {
            EvaluationException e = (EvaluationException) error;
            return new ErrorView(e.errorName(), nullToEmpty(e.getMessage()), e.traceback());
        }
        // Failures outside JShell (a magic, the renderer): the message first, then where.
        List<String> lines = new ArrayList<>();
        String header = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        lines.add("\u001b[1;31m" + header + "\u001b[0m");
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            lines.add("Caused by: " + cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new ErrorView(error.getClass().getSimpleName(), nullToEmpty(error.getMessage()), lines);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
