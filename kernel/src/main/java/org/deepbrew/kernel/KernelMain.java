package org.deepbrew.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.deepbrew.kernel.magics.KernelMagics;
import org.deepbrew.kernel.protocol.KernelConnection;

/**
 * Starts the DeepBrew kernel on a Jupyter connection file and blocks until it is shut down.
 *
 * <pre>java -cp "$(cat target/kernel.classpath)" \
 *     org.deepbrew.kernel.KernelMain connection.json</pre>
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE   (the JSON file Jupyter writes for a kernel)");
            System.exit(2);
        }
        long started = System.nanoTime();
        PrintStream consoleOut = System.out;
        PrintStream consoleErr = System.err;
        configureLogging(consoleErr);
        System.setProperty("java.awt.headless", "true");

        KernelConnectionProperties properties = readConnectionFile(Path.of(args[0]));
        DeepBrewKernel kernel = new DeepBrewKernel(consoleOut, consoleErr);
        KernelConnection connection = new KernelConnection(properties);
        KernelMagics.install(kernel);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.start();
        // FINE: a healthy start prints nothing on Jupyter's console (DEEPBREW_KERNEL_LOG=FINE shows it).
        Logger.getLogger(KernelMain.class.getName()).fine(() -> String.format(
                "DeepBrew kernel listening on %s (%d ms)", properties.getIp(), (System.nanoTime() - started) / 1_000_000));

        connection.waitUntilClose();
        // User code may have left non-daemon threads behind; the kernel's end is the process's end.
        System.exit(0);
    }

    private static KernelConnectionProperties readConnectionFile(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Connection file not found: " + file.toAbsolutePath());
        }
        KernelConnectionProperties p = KernelConnectionProperties.parse(json);
        if (p == null || p.getIp() == null || p.getTransport() == null || p.getShellPort() == 0) {
            throw new IllegalArgumentException("Not a Jupyter connection file (needs ip, transport and ports): " + file);
        }
        return p;
    }

    /** Kernel logs go to the process's stderr (Jupyter's console), never into a cell. */
    private static void configureLogging(PrintStream consoleErr) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        StreamHandler handler = new StreamHandler(consoleErr, new SimpleFormatter()) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        Logger.getLogger("org.deepbrew.kernel").setLevel(Level.INFO);
        String level = System.getenv("DEEPBREW_KERNEL_LOG");
        if (level != null && !level.isBlank()) {
            Level chosen = Level.parse(level.trim().toUpperCase());
            Logger.getLogger("org.deepbrew").setLevel(chosen);
            Logger.getLogger("org.deepbrew.kernel").setLevel(chosen);
        }
    }
}
