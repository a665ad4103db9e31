package org.deepbrew.kernel.jshell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets directly on the calling thread (the kernel's cell thread) and keeps each
 * snippet's value as a live object, so the kernel renders the object itself rather than the
 * string JShell would make of it. It also remembers the real exception a snippet threw, so error
 * reports keep the original types, messages and causes.
 */
final class KernelExecutionControl extends DirectExecutionControl {
    /** JShell reports this prefix + a number as the "value"; the number keys {@link #values}. */
    static final String VALUE_KEY_PREFIX = "\u0000deepbrew-value-";

    private final Map<String, Holder> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private volatile Throwable lastThrown;
    private final SnippetLoader loader;

    KernelExecutionControl(SnippetLoader loader) {
        super(loader);
        this.loader = loader;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        String key = VALUE_KEY_PREFIX + nextKey.incrementAndGet();
        values.put(key, new Holder(value));
        return key;
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrown = cause;
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable cause) throws RunException, InternalException {
        lastThrown = cause;
        return super.throwConvertedOtherException(cause);
    }

    /**
     * While {@link #locate} runs, JShell's {@code varValue} call only tells which wrapper class
     * holds the variable: the live object is read there, never turned into a string (that would
     * run user {@code toString()} code and could be slow for a big model).
     */
    private final ThreadLocal<VariableSlot[]> locating = new ThreadLocal<>();

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        VariableSlot[] target = locating.get();
        if (target == null) {
            return super.varValue(className, varName);
        }
        try {
            Field field = findClass(className).getField(varName);
            field.setAccessible(true); // wrapper classes are package-private
            target[0] = new VariableSlot(field);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            throw new InternalException("No field " + varName + " in " + className + ": " + e);
        }
        return "";
    }

    /**
     * Where a variable's value lives now: JShell keeps each variable in a static field of its
     * snippet's wrapper class, and {@code lookup} is a call that makes JShell ask for that value.
     */
    VariableSlot locate(Runnable lookup) {
        VariableSlot[] target = new VariableSlot[1];
        locating.set(target);
        try {
            lookup.run();
        } finally {
            locating.remove();
        }
        return target[0];
    }

    /**
     * Classes cannot be redefined in the kernel's own JVM. But JShell asks to redefine every
     * variable's and method's wrapper after an on-demand import, when only their line numbers
     * moved: those requests are honoured by keeping the loaded class, so values, and instances of
     * the user's classes, stay valid. Any other change is declined, and JShell loads new classes.
     */
    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        if (!loader.sameAsLoaded(cbcs)) {
            throw new NotImplementedException("redefine is not supported in the kernel's JVM");
        }
        loader.classesRedefined(cbcs);
    }

    /** Takes (and forgets) the object behind a value key JShell reported; empty for other strings. */
    Holder takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Forgets all values that were not taken, so objects of past cells can be collected. */
    void clearValues() {
        values.clear();
    }

    /** The exception user code threw most recently, and forgets it. */
    Throwable takeLastThrown() {
        Throwable t = lastThrown;
        lastThrown = null;
        return t;
    }

    /** A snippet's value; {@code value} may be null. */
    record Holder(Object value) {}

    /** Hands JShell this control. */
    static final class Provider implements ExecutionControlProvider {
        private final KernelExecutionControl control;

        Provider(KernelExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "deepbrew";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
