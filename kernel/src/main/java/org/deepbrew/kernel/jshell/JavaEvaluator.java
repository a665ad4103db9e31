package org.deepbrew.kernel.jshell;

import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates Java the way a notebook cell does. This is what the kernel, and magics such as
 * {@code %classpath} and {@code %maven}, use; {@link JShellEvaluator} implements it with JShell in
 * the kernel's own JVM.
 */
public interface JavaEvaluator {

    /**
     * Evaluates a cell: every statement, declaration and expression in order.
     *
     * @return the value of the last snippet when it is an expression, else {@link EvalResult#NONE}
     * @throws EvaluationException a compile error, an exception thrown by the code, or a
     *     reference to something not defined yet
     */
    EvalResult eval(String code) throws EvaluationException;

    /**
     * Makes jars and class folders visible to code evaluated from now on, both to the compiler and
     * to the class loader snippets run in.
     *
     * @throws IllegalArgumentException when an entry does not exist
     */
    void addToClasspath(Path... entries);

    /** Every classpath entry the compiler sees, in order. */
    List<Path> classpath();
}
