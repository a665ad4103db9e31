package org.deepbrew.kernel.jshell;

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
    private final Object userCodeLock = new Object();
    private volatile Thread userCodeThread;
    private volatile Throwable lastThrown;

    KernelExecutionControl(SnippetLoader loader) {
        super(loader);
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

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
        // Hot-swapping is not possible without an agent; JShell then loads new wrapper classes.
        throw new NotImplementedException("redefine is not supported in the kernel's JVM");
    }

    @Override
    protected void clientCodeEnter() {
        synchronized (userCodeLock) {
            userCodeThread = Thread.currentThread();
        }
    }

    @Override
    protected void clientCodeLeave() {
        synchronized (userCodeLock) {
            userCodeThread = null;
        }
    }

    /**
     * Stops {@code thread} with {@link Thread#stop()} only while it runs user code, never while it
     * is inside JShell or the kernel, whose state must not be torn.
     *
     * @return true when the thread was stopped
     */
    @SuppressWarnings({"deprecation", "removal"})
    boolean stopIfRunningUserCode(Thread thread) {
        synchronized (userCodeLock) {
            if (userCodeThread == thread) {
                thread.stop();
                return true;
            }
            return false;
        }
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
