package org.deepbrew.kernel.magics;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What magics need from the kernel. The kernel implements it over its JShell evaluator; tests
 * implement it with a recorder.
 */
public interface MagicContext {

    /**
     * Evaluates Java code exactly as a cell would (no magic processing).
     *
     * @return the kernel's representation of the cell's value (for example its own result type),
     *     or {@code null} for none; magics hand it back from {@link MagicInterpreter#run} untouched
     * @throws Exception the compile or runtime error, as the kernel would report it for a cell
     */
    Object evaluate(String code) throws Exception;

    /** Makes jars and class folders visible to code evaluated from now on. */
    void addToClasspath(Path... entries);

    /** Where magics write what they have to tell the user (the cell's stdout). */
    default PrintStream out() {
        return System.out;
    }

    /**
     * Cumulative CPU time, in nanoseconds, that threads running cell code have used since the
     * kernel started, or {@code -1} when the kernel cannot tell. {@code %%time} reports the
     * difference across one evaluation.
     */
    default long cellCpuNanos() {
        return -1;
    }
}
