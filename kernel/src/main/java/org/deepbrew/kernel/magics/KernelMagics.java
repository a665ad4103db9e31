package org.deepbrew.kernel.magics;

import org.deepbrew.kernel.DeepBrewKernel;
import org.deepbrew.kernel.jshell.EvalResult;

/** Puts the built-in magics in front of a kernel's JShell evaluator. */
public final class KernelMagics {
    private KernelMagics() {}

    /**
     * Makes {@code kernel} run every cell through a {@link MagicInterpreter} with the
     * {@link BuiltinMagics}. Cells without magic lines reach JShell unchanged.
     */
    public static void install(DeepBrewKernel kernel) {
        kernel.setInterpreter(new DeepBrewKernel.CellInterpreter() {
            private MagicInterpreter interpreter;

            @Override
            public EvalResult run(String code) throws Exception {
                if (!MagicInterpreter.hasMagics(code)) {
                    return kernel.evaluator().eval(code);
                }
                if (interpreter == null) {
                    // Built on first use, on the cell thread, once JShell has started.
                    interpreter = MagicInterpreter.withBuiltins(new EvaluatorMagicContext(kernel.evaluator()));
                }
                return asResult(interpreter.run(code));
            }
        });
    }

    private static EvalResult asResult(Object value) {
        if (value instanceof EvalResult) {
            return (EvalResult) value;
        }
        return value == null ? EvalResult.NONE : EvalResult.of(value);
    }
}
