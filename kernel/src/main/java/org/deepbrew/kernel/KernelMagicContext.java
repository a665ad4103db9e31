package org.deepbrew.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.deepbrew.kernel.jshell.EvalResult;
import org.deepbrew.kernel.jshell.JShellEvaluator;
import org.deepbrew.kernel.magics.MagicContext;

/** What magics act on: the kernel's JShell evaluator, running on the cell thread. */
final class KernelMagicContext implements MagicContext {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final JShellEvaluator evaluator;

    KernelMagicContext(JShellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Object evaluate(String code) throws Exception {
        EvalResult r = evaluator.eval(code);
        return r.hasValue() ? r.value() : null;
    }

    @Override
    public void addToClasspath(Path... entries) {
        evaluator.addToClasspath(entries);
    }

    /** CPU time of the cell thread (magics run on it); threads a cell starts are not counted. */
    @Override
    public long cellCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
