package org.deepbrew.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A short human-readable description of the deep-learning engine: name and version, devices,
 * native thread count and whether Intel's math libraries are in use. The kernel's
 * {@code %engine} magic prints it.
 */
public final class EngineInfo {
    private EngineInfo() {}

    /** Several lines: engine, version, devices, best device, threads, MKL/oneDNN. */
    public static String describe() {
        Engine engine = Engine.getInstance();
        StringBuilder sb = new StringBuilder();
        sb.append("Engine:        ").append(engine.getEngineName())
                .append(' ').append(engine.getVersion()).append('\n');
        sb.append("DJL:           ").append(Engine.getDjlVersion()).append('\n');
        List<Device> devices = Devices.all();
        sb.append("Devices:       ").append(devices.stream().map(Device::toString)
                .collect(Collectors.joining(", "))).append('\n');
        String override = System.getenv(Devices.DEVICE_ENV);
        sb.append("Best device:   ").append(Devices.best());
        if (override != null && !override.isBlank()) {
            sb.append("  (").append(Devices.DEVICE_ENV).append('=').append(override).append(')');
        }
        sb.append('\n');
        sb.append("Threads:       ").append(nativeThreads()).append('\n');
        sb.append("Scheduler:     ").append(scheduler()).append('\n');
        sb.append("Math libs:     ").append(mathLibraries(engine)).append('\n');
        sb.append("JVM:           Java ").append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB");
        return sb.toString();
    }

    /** The OpenMP thread count the native engine uses, from {@code OMP_NUM_THREADS}. */
    public static String nativeThreads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp == null || omp.isBlank()) {
            return "OMP_NUM_THREADS unset (the engine picks, usually one per core: "
                    + Runtime.getRuntime().availableProcessors() + ")";
        }
        return omp.trim() + " (OMP_NUM_THREADS)";
    }

    /**
     * How MXNet schedules its operations, from {@code MXNET_ENGINE_TYPE}: the launcher picks the
     * naive engine on CPU-only machines (each operation runs on the thread that asks for it) and
     * leaves the threaded engine, MXNet's default, where a GPU is present.
     */
    public static String scheduler() {
        String type = System.getenv("MXNET_ENGINE_TYPE");
        if (type == null || type.isBlank()) {
            return "threaded (MXNet's default)";
        }
        return type.trim() + " (MXNET_ENGINE_TYPE)";
    }

    /**
     * Which BLAS and whether oneDNN (MKLDNN) are compiled into the engine, read from the feature
     * list the engine prints about itself (MXNet lists capabilities such as {@code BLAS_OPEN},
     * {@code BLAS_MKL}, {@code MKLDNN}); "unknown" for engines that publish none.
     */
    static String mathLibraries(Engine engine) {
        String f;
        try {
            f = engine.toString().toUpperCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return "unknown";
        }
        if (!f.contains("BLAS_") && !f.contains("MKLDNN") && !f.contains("ONEDNN")) {
            return "unknown for " + engine.getEngineName();
        }
        String blas = f.contains("BLAS_MKL") ? "MKL" : f.contains("BLAS_OPEN") ? "OpenBLAS"
                : f.contains("BLAS_ATLAS") ? "ATLAS" : f.contains("BLAS_APPLE") ? "Apple Accelerate" : "unknown";
        boolean dnn = f.contains("MKLDNN") || f.contains("ONEDNN");
        return "BLAS " + blas + " (MKL " + (blas.equals("MKL") ? "yes" : "no") + "), oneDNN " + (dnn ? "yes" : "no");
    }
}
