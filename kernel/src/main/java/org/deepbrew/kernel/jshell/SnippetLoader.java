package org.deepbrew.kernel.jshell;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines the classes JShell compiles from snippets, in the kernel's own JVM. Its parent is the
 * application class loader, so snippets see the very same toolkit classes (and statics, such as
 * the display sink) as the kernel; jars added later with {@link #addToClasspath} are searched
 * after the parent.
 */
final class SnippetLoader implements LoaderDelegate {
    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    /** Each loaded class's bytecode as JShell compiled it, before {@link CellBytecode#rewrite}. */
    private final Map<String, byte[]> compiled = new ConcurrentHashMap<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new SnippetClassLoader(parent);
    }

    /** The loader user code runs under (also the cell thread's context class loader). */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        for (ClassBytecodes c : classes) {
            compiled.put(c.name(), c.bytecodes());
            loader.declare(c.name(), CellBytecode.rewrite(c.bytecodes()));
        }
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            try {
                loaded.put(classes[i].name(), loader.loadClass(classes[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("Could not load snippet class " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    /**
     * True when every class in {@code classes} is loaded already and differs from what is loaded
     * in debugging information alone, so the loaded class can stay (see {@link CellBytecode#sameCode}).
     */
    boolean sameAsLoaded(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            byte[] loadedBytes = compiled.get(c.name());
            if (loadedBytes == null || !loaded.containsKey(c.name()) || !CellBytecode.sameCode(loadedBytes, c.bytecodes())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // Only redefinitions that change nothing are accepted (see sameAsLoaded): nothing to do.
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.addURL(Path.of(entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("Cannot add '" + entry + "' to the classpath: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " was not loaded by the snippet loader");
        }
        return c;
    }

    /** A URL class loader that also knows the bytecode of snippet classes. */
    private static final class SnippetClassLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        SnippetClassLoader(ClassLoader parent) {
            super("deepbrew-snippets", new URL[0], parent);
        }

        void declare(String name, byte[] bytecode) {
            declared.put(name, bytecode);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytecode = declared.remove(name);
            if (bytecode != null) {
                return defineClass(name, bytecode, 0, bytecode.length);
            }
            return super.findClass(name);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
