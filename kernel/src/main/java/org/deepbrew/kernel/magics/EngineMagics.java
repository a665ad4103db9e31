package org.deepbrew.kernel.magics;

import ai.djl.Device;
import java.util.List;
import org.deepbrew.engine.Devices;
import org.deepbrew.engine.EngineInfo;

/** The text behind {@code %engine} and {@code %device}. */
final class EngineMagics {
    private EngineMagics() {}

    /** The engine, its version, threads and math libraries. */
    static String engine() {
        return EngineInfo.describe();
    }

    /** Every device the engine sees, marking the one {@link Devices#best()} picks. */
    static String devices() {
        Device best = Devices.best();
        List<Device> all = Devices.all();
        StringBuilder text = new StringBuilder("Devices:\n");
        for (Device device : all) {
            text.append(device.equals(best) ? "  * " : "    ").append(device)
                    .append(device.isGpu() ? "  (GPU " + device.getDeviceId() + ")" : "  (CPU)").append('\n');
        }
        text.append("* = Devices.best(), what the toolkit computes on");
        String override = System.getenv(Devices.DEVICE_ENV);
        if (override != null && !override.isBlank()) {
            text.append(" (chosen by ").append(Devices.DEVICE_ENV).append('=').append(override).append(')');
        } else {
            text.append(" (set ").append(Devices.DEVICE_ENV).append("=cpu|gpu|gpuN to choose)");
        }
        return text.append('\n').toString();
    }
}
