package org.deepbrew.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ModelsTest {
    private static Shape out(Block b, Shape in) {
        try (NDManager m = NDManager.newBaseManager()) {
            b.initialize(m, DataType.FLOAT32, in);
            return b.getOutputShapes(new Shape[] {in})[0];
        }
    }

    private static long params(Block b) {
        return b.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void seedMlps() {
        Block a = Mlp.sigmoid784x100x10();
        assertEquals(new Shape(4, 10), out(a, new Shape(4, 1, 28, 28)));
        assertEquals(784 * 100 + 100 + 100 * 10 + 10, params(a));
        Block b = Mlp.relu784x256x10();
        assertEquals(new Shape(4, 10), out(b, new Shape(4, 784)));
        assertEquals(784 * 256 + 256 + 2570, params(b));
    }

    @Test
    void seedCnnOnGreyAndColour() {
        Block grey = Cnn.conv32x64x64();
        assertEquals(new Shape(2, 10), out(grey, new Shape(2, 1, 28, 28)));
        // 28 -> 26 -> 13 -> 11 -> 5 -> 3: 64·3·3 = 576 into Dense(64)
        long expected = (9 * 32 + 32) + (9 * 32 * 64 + 64) + (9 * 64 * 64 + 64) + (576 * 64 + 64) + (64 * 10 + 10);
        assertEquals(expected, params(grey));
        assertEquals(new Shape(2, 10), out(Cnn.conv32x64x64(), new Shape(2, 3, 32, 32)));
    }

    @Test
    void leNetAndResNet() {
        assertEquals(new Shape(3, 10), out(Cnn.leNet(10), new Shape(3, 1, 28, 28)));
        assertEquals(new Shape(3, 7), out(ResNet.small(7, 1), new Shape(3, 1, 28, 28)));
        assertThrows(IllegalArgumentException.class, () -> ResNet.small(10, 0));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder().hidden(0));
    }
}
