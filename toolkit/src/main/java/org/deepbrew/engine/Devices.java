package org.deepbrew.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Device selection. {@link #best()} returns the first GPU when the engine sees one and the CPU
 * otherwise; the environment variable {@value #DEVICE_ENV} ({@code cpu}, {@code gpu} or
 * {@code gpu<N>}) overrides the choice so a notebook can be pinned without editing it.
 */
public final class Devices {
    /** Environment variable that overrides {@link #best()}: {@code cpu}, {@code gpu}, {@code gpu1}. */
    public static final String DEVICE_ENV = "DEEPBREW_DEVICE";

    private Devices() {}

    /** The device to compute on: {@value #DEVICE_ENV} if set, else GPU 0 where present, else CPU. */
    public static Device best() {
        return choose(System.getenv(DEVICE_ENV), gpuCount());
    }

    /**
     * The devices to train on: every GPU when there are several and {@value #DEVICE_ENV} does not
     * pick one (each batch is then split across them), else just {@link #best()}.
     */
    public static Device[] forTraining() {
        return forTraining(System.getenv(DEVICE_ENV), gpuCount());
    }

    /** {@link #forTraining()} for a given override and GPU count; testable without a GPU. */
    static Device[] forTraining(String override, int gpus) {
        if ((override == null || override.isBlank()) && gpus > 1) {
            Device[] all = new Device[gpus];
            for (int i = 0; i < gpus; i++) {
                all[i] = Device.gpu(i);
            }
            return all;
        }
        return new Device[] {choose(override, gpus)};
    }

    /** Every device the engine can use: the CPU first, then each GPU. */
    public static List<Device> all() {
        List<Device> devices = new ArrayList<>();
        devices.add(Device.cpu());
        for (int i = 0; i < gpuCount(); i++) {
            devices.add(Device.gpu(i));
        }
        return Collections.unmodifiableList(devices);
    }

    /** Number of GPUs the default engine sees (0 on a CPU-only build). */
    public static int gpuCount() {
        Integer n = gpuCount;
        if (n == null) {
            // Probing CUDA logs a warning on machines without a driver; ask once per JVM.
            n = Engine.getInstance().getGpuCount();
            gpuCount = n;
        }
        return n;
    }

    private static volatile Integer gpuCount;

    /**
     * Resolves an override such as {@code "gpu1"} against the number of GPUs present.
     * Separate from {@link #best()} so the rule is testable without a GPU.
     *
     * @throws IllegalArgumentException when the override is malformed or names a missing GPU
     */
    static Device choose(String override, int gpus) {
        if (override == null || override.isBlank()) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        String v = override.trim().toLowerCase(Locale.ROOT);
        if (v.equals("cpu")) {
            return Device.cpu();
        }
        if (v.startsWith("gpu")) {
            String rest = v.substring(3);
            int index;
            try {
                index = rest.isEmpty() ? 0 : Integer.parseInt(rest);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(DEVICE_ENV + "=" + override
                        + " is not understood; use cpu, gpu or gpu<N> (for example gpu1)");
            }
            if (index < 0 || index >= gpus) {
                throw new IllegalArgumentException(DEVICE_ENV + "=" + override + " asks for GPU " + index
                        + " but the engine sees " + gpus + " GPU(s); use cpu"
                        + (gpus > 0 ? " or gpu0..gpu" + (gpus - 1) : ""));
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException(DEVICE_ENV + "=" + override
                + " is not understood; use cpu, gpu or gpu<N> (for example gpu1)");
    }
}
