package org.deepbrew.business;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reference values computed by Debian's scipy and statsmodels (installed by
 * {@code ./deepbrew setup tests}). A test that needs them is skipped, not failed, where they are
 * missing; every statistic also has a textbook example checked without Python.
 */
final class PythonReference {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private PythonReference() {}

    /** Skips the calling test unless python3 with scipy and statsmodels is installed. */
    static void assumeAvailable() {
        assumeTrue(available(), "python3 with scipy and statsmodels is not installed (./deepbrew setup tests installs them)");
    }

    private static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run("import scipy, statsmodels\nprint(1)").length == 1;
            } catch (RuntimeException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code script}, which prints numbers separated by white space, and returns them. */
    static double[] numbers(String script) {
        assumeAvailable();
        return run(script);
    }

    private static double[] run(String script) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("python3 did not finish in 60 s");
            }
            assertEquals(0, p.exitValue(), () -> "python3 failed:\n" + out);
            return Arrays.stream(out.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run python3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Java array as a Python list literal. */
    static String list(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
        }
        return sb.append("]").toString();
    }

    /** A Java int array as a Python list literal. */
    static String list(int[] v) {
        return list(Arrays.stream(v).asDoubleStream().toArray());
    }
}
