package org.deepbrew.kernel.magics;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs a cell body under {@code %%time} and reports its wall-clock time and the CPU time of the
 * thread that ran it. When the kernel cannot measure the cell thread, the whole process's CPU
 * time is reported instead, labelled as such.
 */
final class CellTimer {
    private CellTimer() {}

    static Object time(String body, MagicInterpreter interpreter) throws Exception {
        MagicContext context = interpreter.context();
        boolean perCell = context.cellCpuNanos() >= 0;
        long cpuStart = perCell ? context.cellCpuNanos() : processCpuNanos();
        long wallStart = System.nanoTime();
        boolean failed = true;
        try {
            Object result = interpreter.run(body);
            failed = false;
            return result;
        } finally {
            long wall = System.nanoTime() - wallStart;
            long cpuEnd = perCell ? context.cellCpuNanos() : processCpuNanos();
            long cpu = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
            context.out().println(report(wall, cpu, perCell) + (failed ? " (the cell failed)" : ""));
            context.out().flush();
        }
    }

    static String report(long wallNanos, long cpuNanos, boolean perCell) {
        String cpu = cpuNanos < 0 ? "unknown" : format(cpuNanos);
        return "Wall time: " + format(wallNanos) + ", CPU time " + (perCell ? "(cell thread)" : "(whole kernel process)")
                + ": " + cpu;
    }

    /** 3 significant digits in the unit that keeps the number between 1 and 1000. */
    static String format(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        double value = nanos;
        String[] units = {"ns", "µs", "ms", "s"};
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String digits = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + " " + units[unit];
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }
}
