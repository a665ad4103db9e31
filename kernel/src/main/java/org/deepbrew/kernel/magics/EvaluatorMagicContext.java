package org.deepbrew.kernel.magics;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Objects;
import org.deepbrew.kernel.jshell.JavaEvaluator;

/**
 * Magics over the kernel's {@link JavaEvaluator}. The kernel calls {@link MagicInterpreter#run} on
 * its cell thread, where JShell also runs the snippets, so that thread's CPU clock is the cell's.
 */
public final class EvaluatorMagicContext implements MagicContext {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final JavaEvaluator evaluator;

    /** Magics that evaluate with, and add jars to, {@code evaluator}. */
    public EvaluatorMagicContext(JavaEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** @return the evaluator's {@code EvalResult}, which {@link MagicInterpreter#run} hands back unchanged */
    @Override
    public Object evaluate(String code) throws Exception {
        return evaluator.eval(code);
    }

    @Override
    public void addToClasspath(Path... entries) {
        evaluator.addToClasspath(entries);
    }

    /** The cell's stdout: the kernel routes {@code System.out} of the cell thread to the running cell. */
    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public long cellCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
