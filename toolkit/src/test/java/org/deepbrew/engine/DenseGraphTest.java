package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import org.deepbrew.models.Cnn;
import org.deepbrew.models.Mlp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class DenseGraphTest {

    /** A model whose block is initialised for (batch, 1, 28, 28) images, weights from a fixed seed. */
    private static Model model(Block block) {
        Model m = Model.newInstance("graph-test");
        m.setBlock(block);
        ai.djl.engine.Engine.getInstance().setRandomSeed(5);
        block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(16, 1, 28, 28));
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        return m;
    }

    private static NDArray images(NDManager m) {
        return m.randomUniform(-1, 1, new Shape(16, 1, 28, 28));
    }

    /** Gradients of every parameter after {@code step} back-propagates the value it returns. */
    private static List<float[]> gradients(Block block, java.util.function.Supplier<NDArray> step) {
        try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            gc.backward(step.get());
        }
        List<float[]> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            grads.add(p.getValue().getArray().getGradient().toFloatArray());
        }
        return grads;
    }

    @Test
    void matchesTheBlockForwardAndBackwardForEachActivation() {
        for (Block block : new Block[] {Mlp.relu784x256x10(), Mlp.sigmoid784x100x10(),
                Mlp.builder().hidden(32, 16).activation(Activation::tanh).outputs(3).build()}) {
            try (Model m = model(block); NDManager scratch = m.getNDManager().newSubManager();
                    DenseGraph graph = DenseGraph.compile(block, m.getNDManager()).orElseThrow()) {
                NDArray x = images(scratch);
                ParameterStore ps = new ParameterStore(scratch, false);
                NDArray expected = block.forward(ps, new NDList(x), true).singletonOrThrow();
                NDArray actual = graph.forward(new NDList(x)).singletonOrThrow();
                assertEquals(expected.getShape(), actual.getShape());
                assertTrue(expected.allClose(actual, 1e-5, 1e-5, false), block.toString());

                List<float[]> eager = gradients(block, () -> block.forward(ps, new NDList(x), true).singletonOrThrow().square().sum());
                List<float[]> compiled = gradients(block, () -> graph.forward(new NDList(x)).singletonOrThrow().square().sum());
                for (int i = 0; i < eager.size(); i++) {
                    assertArrayEquals(eager.get(i), compiled.get(i), 1e-3f * (1 + max(eager.get(i))), "gradient " + i);
                }
            }
        }
    }

    @Test
    void lossAndCorrectCountInTheGraphMatchDjl() {
        Block block = Mlp.relu784x256x10();
        try (Model m = model(block); NDManager scratch = m.getNDManager().newSubManager();
                DenseGraph graph = DenseGraph.compileWithSoftmaxCrossEntropy(block, m.getNDManager()).orElseThrow()) {
            NDArray x = images(scratch);
            NDArray y = scratch.randomInteger(0, 10, new Shape(16), DataType.INT32).toType(DataType.FLOAT32, false);
            ParameterStore ps = new ParameterStore(scratch, false);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            NDArray logits = block.forward(ps, new NDList(x), false).singletonOrThrow();
            float expectedLoss = loss.evaluate(new NDList(y), new NDList(logits)).getFloat();
            float expectedCorrect = logits.argMax(1).toType(DataType.FLOAT32, false).eq(y).sum().toType(DataType.FLOAT32, false).getFloat();

            NDList out = graph.forward(new NDList(x), new NDList(y));
            float[] stats = out.get(1).toFloatArray();
            assertEquals(expectedLoss, out.get(0).getFloat(), 1e-5);
            assertEquals(expectedLoss, stats[0], 1e-5);
            assertEquals(expectedCorrect, stats[1], 0.0);
            assertTrue(expectedLoss > 1, "random weights should not fit random labels: " + expectedLoss);

            List<float[]> eager = gradients(block, () -> loss.evaluate(new NDList(y), block.forward(ps, new NDList(x), true)));
            List<float[]> compiled = gradients(block, () -> graph.forward(new NDList(x), new NDList(y)).get(0));
            for (int i = 0; i < eager.size(); i++) {
                assertArrayEquals(eager.get(i), compiled.get(i), 1e-5f * (1 + max(eager.get(i))), "gradient " + i);
            }
        }
    }

    @Test
    void sharesTheModelsArraysAndKeepsTheirNames() {
        Block block = Mlp.relu784x256x10();
        try (Model m = model(block); DenseGraph graph = DenseGraph.compile(block, m.getNDManager()).orElseThrow()) {
            Parameter w = block.getParameters().get(0).getValue();
            String name = w.getArray().getName();
            try (NDManager scratch = m.getNDManager().newSubManager()) {
                NDArray x = images(scratch);
                NDArray before = graph.forward(new NDList(x)).singletonOrThrow();
                w.getArray().muli(0); // the graph must see the change: it reads the same array
                NDArray after = graph.forward(new NDList(x)).singletonOrThrow();
                assertFalse(before.allClose(after), "the graph did not read the model's weight array");
            }
            assertEquals(name, w.getArray().getName());
        }
    }

    @Test
    void declinesWhatItCannotCompile() {
        Block cnn = Cnn.conv32x64x64();
        try (Model m = model(cnn)) {
            assertEquals(Optional.empty(), DenseGraph.compile(cnn, m.getNDManager()).map(g -> "compiled"));
        }
        Block doubled = new SequentialBlock().add(ai.djl.nn.Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(4).build()).add(list -> new NDList(list.head().mul(2)));
        try (Model m = model(doubled)) {
            assertTrue(DenseGraph.compile(doubled, m.getNDManager()).isEmpty(), "an unknown function must not compile");
        }
        Block fresh = Mlp.relu784x256x10();
        try (NDManager m = NDManager.newBaseManager()) {
            assertTrue(DenseGraph.compile(fresh, m).isEmpty(), "uninitialised parameters must not compile");
        }
    }

    private static float max(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }
}
