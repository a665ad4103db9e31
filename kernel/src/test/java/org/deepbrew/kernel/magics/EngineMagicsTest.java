package org.deepbrew.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineMagicsTest {

    @Test
    void engineAndDevicePrintWhatTheToolkitUses() throws Exception {
        RecordingContext kernel = new RecordingContext();
        MagicInterpreter interpreter = MagicInterpreter.withBuiltins(kernel);
        interpreter.run("%engine");
        String engine = kernel.output();
        assertTrue(engine.contains("Engine:") && engine.contains("MXNet"), engine);
        interpreter.run("%device");
        String devices = kernel.output().substring(engine.length());
        assertTrue(devices.startsWith("Devices:"), devices);
        assertTrue(devices.contains("  * " + org.deepbrew.engine.Devices.best()), "marks the best device: " + devices);
        assertTrue(devices.contains("cpu()"), devices);
    }
}
