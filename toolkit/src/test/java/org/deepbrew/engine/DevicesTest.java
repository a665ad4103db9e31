package org.deepbrew.engine;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DevicesTest {
    @Test
    void defaultsToGpuWhenPresentElseCpu() {
        assertEquals(Device.cpu(), Devices.choose(null, 0));
        assertEquals(Device.gpu(0), Devices.choose("", 2));
    }

    @Test
    void overrideSelectsDevice() {
        assertEquals(Device.cpu(), Devices.choose("CPU", 4));
        assertEquals(Device.gpu(0), Devices.choose("gpu", 1));
        assertEquals(Device.gpu(1), Devices.choose(" gpu1 ", 2));
    }

    @Test
    void badOverrideExplainsItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpu", 0));
        assertTrue(e.getMessage().contains("sees 0 GPU"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Devices.choose("tpu", 0));
        assertTrue(e.getMessage().contains("cpu, gpu or gpu<N>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpu3", 2));
        assertThrows(IllegalArgumentException.class, () -> Devices.choose("gpux", 2));
    }

    @Test
    void allStartsWithCpuAndDescribeNamesEngine() {
        assertEquals(Device.cpu(), Devices.all().get(0));
        String d = EngineInfo.describe();
        assertTrue(d.contains("MXNet"), d);
        assertTrue(d.contains("cpu()"), d);
        assertTrue(d.contains("oneDNN"), d);
    }

    @Test
    void trainsOnEveryGpuWhenThereAreSeveralAndNoneIsPicked() {
        assertArrayEquals(new Device[] {Device.cpu()}, Devices.forTraining(null, 0));
        assertArrayEquals(new Device[] {Device.gpu(0)}, Devices.forTraining(null, 1));
        assertArrayEquals(new Device[] {Device.gpu(0), Device.gpu(1), Device.gpu(2)}, Devices.forTraining("", 3));
        assertArrayEquals(new Device[] {Device.gpu(1)}, Devices.forTraining("gpu1", 3), "an override picks one");
        assertArrayEquals(new Device[] {Device.cpu()}, Devices.forTraining("cpu", 3));
    }
}
