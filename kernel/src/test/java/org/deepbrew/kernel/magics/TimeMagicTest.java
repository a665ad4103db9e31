package org.deepbrew.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimeMagicTest {

    @Test
    void timeReportsTheCellThreadCpuAndKeepsTheResult() throws Exception {
        RecordingContext kernel = new RecordingContext();
        kernel.cpuNanos = 1_000_000_000L;
        kernel.cpuPerEvaluation = 42_000_000L;
        Object result = MagicInterpreter.withBuiltins(kernel).run("%%time\nint n = 3;\nn * 2");
        assertEquals("n * 2", result, "the cell's value is returned unchanged");
        assertEquals(List.of("int n = 3;\nn * 2"), kernel.evaluated);
        assertTrue(kernel.output().contains("CPU time (cell thread): 42.0 ms"), kernel.output());
    }

    @Test
    void timeMeasuresWallClock() throws Exception {
        RecordingContext kernel = new RecordingContext(code -> {
            try {
                Thread.sleep(120);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        MagicInterpreter.withBuiltins(kernel).run("%%time\nThread.sleep(120);");
        Matcher m = Pattern.compile("Wall time: ([0-9.]+) ms").matcher(kernel.output());
        assertTrue(m.find(), kernel.output());
        double ms = Double.parseDouble(m.group(1));
        assertTrue(ms >= 119 && ms < 1000, "wall time " + ms);
        assertTrue(kernel.output().contains("CPU time (whole kernel process)"),
                "without a cell-thread clock the process clock is used and labelled: " + kernel.output());
    }

    @Test
    void timeStillReportsWhenTheCellFails() {
        RecordingContext kernel = new RecordingContext(code -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> MagicInterpreter.withBuiltins(kernel).run("%%time\nboom()"));
        assertTrue(kernel.output().contains("Wall time:") && kernel.output().contains("(the cell failed)"), kernel.output());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("850 ns", CellTimer.format(850));
        assertEquals("1.50 µs", CellTimer.format(1_500));
        assertEquals("12.3 ms", CellTimer.format(12_345_678));
        assertEquals("2.35 s", CellTimer.format(2_345_678_901L));
        assertEquals("125 s", CellTimer.format(125_000_000_000L));
    }
}
