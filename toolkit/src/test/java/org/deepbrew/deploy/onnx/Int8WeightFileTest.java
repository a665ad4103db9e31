package org.deepbrew.deploy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepbrew.models.Cnn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Int8WeightFileTest {
    @TempDir
    Path dir;

    private static Block leNet(NDManager manager) {
        Block block = Cnn.leNet(10);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
        return block;
    }

    private static float[] forward(Block block, NDManager manager, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
    }

    @Test
    void int8FileIsAQuarterTheSizeAndTheCnnStillAgrees() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1);
            Block original = leNet(manager);
            NDArray x = manager.randomUniform(0f, 1f, new Shape(64, 1, 28, 28));
            float[] expected = forward(original, manager, x);

            long int8Size = Int8WeightFile.save(original, dir.resolve("lenet.int8"));
            ByteArrayOutputStream fp32 = new ByteArrayOutputStream();
            original.saveParameters(new DataOutputStream(fp32));
            assertTrue(int8Size < fp32.size() * 0.3, "int8 " + int8Size + " bytes vs fp32 " + fp32.size());

            manager.getEngine().setRandomSeed(2);
            Block restored = leNet(manager);
            Int8WeightFile.load(restored, dir.resolve("lenet.int8"));
            // Every weight is within half a quantisation step of the original; biases are exact.
            for (int i = 0; i < original.getParameters().size(); i++) {
                Pair<String, Parameter> o = original.getParameters().get(i);
                float[] a = o.getValue().getArray().toFloatArray();
                float[] b = restored.getParameters().get(i).getValue().getArray().toFloatArray();
                long[] dims = o.getValue().getArray().getShape().getShape();
                if (dims.length >= 2) {
                    float[] scales = Int8WeightFile.channelScales(a, (int) dims[0]);
                    int perChannel = a.length / (int) dims[0];
                    for (int j = 0; j < a.length; j++) {
                        assertEquals(a[j], b[j], scales[j / perChannel] / 2 + 1e-7, o.getKey() + "[" + j + "]");
                    }
                } else {
                    for (int j = 0; j < a.length; j++) {
                        assertEquals(a[j], b[j], 0f, o.getKey() + "[" + j + "]");
                    }
                }
            }
            float[] actual = forward(restored, manager, x);
            double err = 0;
            double norm = 0;
            int agree = 0;
            for (int r = 0; r < 64; r++) {
                int am = 0;
                int bm = 0;
                for (int c = 0; c < 10; c++) {
                    err += Math.pow(expected[r * 10 + c] - actual[r * 10 + c], 2);
                    norm += Math.pow(expected[r * 10 + c], 2);
                    am = expected[r * 10 + c] > expected[r * 10 + am] ? c : am;
                    bm = actual[r * 10 + c] > actual[r * 10 + bm] ? c : bm;
                }
                agree += am == bm ? 1 : 0;
            }
            assertTrue(Math.sqrt(err / norm) < 0.02, "relative output error " + Math.sqrt(err / norm));
            assertTrue(agree >= 60, agree + " of 64 predictions agree");
        }
    }

    @Test
    void aFileForAnotherShapeIsRefusedByName() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block lenet = leNet(manager);
            Int8WeightFile.save(lenet, dir.resolve("lenet.int8"));
            Block other = Cnn.leNet(3);
            other.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            IOException e = assertThrows(IOException.class, () -> Int8WeightFile.load(other, dir.resolve("lenet.int8")));
            assertTrue(e.getMessage().contains("shape"), e.getMessage());
            Files.writeString(dir.resolve("junk"), "not weights");
            assertThrows(IOException.class, () -> Int8WeightFile.load(lenet, dir.resolve("junk")));
        }
    }
}
