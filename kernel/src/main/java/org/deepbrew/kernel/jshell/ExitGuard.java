package org.deepbrew.kernel.jshell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.Permission;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel. It is a security manager that
 * refuses exactly one thing, exiting from a cell thread, and allows everything else without a
 * check. Java 17 installs one only when the JVM runs with {@code -Djava.security.manager=allow}.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {
    private static final Logger LOG = Logger.getLogger(ExitGuard.class.getName());

    private final Predicate<Thread> isCellThread;

    private ExitGuard(Predicate<Thread> isCellThread) {
        this.isCellThread = isCellThread;
    }

    /**
     * Installs the guard.
     *
     * @return false (and logs why) when the JVM does not allow a security manager
     */
    public static boolean install(Predicate<Thread> isCellThread) {
        PrintStream warnings = swapWarningStream(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(new ExitGuard(isCellThread));
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.warning("System.exit in a cell will end the kernel: start the JVM with -Djava.security.manager=allow ("
                    + e.getMessage() + ")");
            return false;
        } finally {
            swapWarningStream(warnings);
        }
    }

    /**
     * Java 17 prints a deprecation warning on the JVM's original stderr whenever a security
     * manager is installed at run time. It would greet every kernel start on Jupyter's console and
     * asks the user nothing, so the guard is installed with that stream swapped out, where the JVM
     * lets us ({@code --add-opens java.base/java.lang=ALL-UNNAMED}); elsewhere the warning prints.
     *
     * @return the stream that was there, or null when it cannot be swapped
     */
    private static PrintStream swapWarningStream(PrintStream replacement) {
        if (replacement == null) {
            return null;
        }
        try {
            Field f = System.class.getDeclaredField("initialErrStream");
            f.setAccessible(true);
            PrintStream old = (PrintStream) f.get(null);
            f.set(null, replacement);
            return old;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void checkExit(int status) {
        if (isCellThread.test(Thread.currentThread())) {
            throw new SecurityException("System.exit(" + status + ") was blocked: it would end the kernel. "
                    + "To start afresh, restart the kernel from the notebook's Kernel menu.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // Everything else is allowed.
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // Everything else is allowed.
    }
}
