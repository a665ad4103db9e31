package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AdamWStepTest extends WithNDManager {
    private static final float SCALE = 0.5f;

    /** A schedule, so each step's rate differs and a mix-up of update counts shows. */
    private static Optimizer adamW() {
        return Optimizer.adamW().optLearningRateTracker(Tracker.factor().setBaseValue(0.05f).setFactor(0.5f).build())
                .optWeightDecays(0.1f).build();
    }

    /**
     * {@code steps} AdamW steps of a seeded MLP on a fixed batch, gradients scaled by {@link #SCALE}:
     * the first {@code fast} through {@link AdamWStep}, the rest through DJL's own update.
     */
    private static List<float[]> steps(int fast, int steps) {
        NDArray x = manager.randomUniform(-1, 1, new Shape(16, 6));
        NDArray y = manager.create(new float[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
        try (Model m = Model.newInstance("adamw")) {
            m.setBlock(Mlp.builder().hidden(5).outputs(3).build());
            Optimizer optimizer = adamW();
            try (Trainer t = m.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer))) {
                ai.djl.engine.Engine.getInstance().setRandomSeed(11);
                t.initialize(new Shape(16, 6));
                ParameterUpdate step = MxNetTuning.INSTANCE.parameterUpdate(t, optimizer, m.getBlock());
                assertInstanceOf(AdamWStep.class, step, "DJL's AdamW takes the one-kernel path on MXNet");
                for (int i = 0; i < steps; i++) {
                    try (GradientCollector gc = t.newGradientCollector()) {
                        gc.backward(t.getLoss().evaluate(new NDList(y), t.forward(new NDList(x))));
                    }
                    if (i < fast) {
                        step.apply(SCALE);
                    } else {
                        for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                            NDArray w = p.getValue().getArray();
                            try (NDArray g = w.getGradient()) {
                                g.muli(SCALE);
                                optimizer.update(p.getValue().getId(), w, g);
                            }
                        }
                    }
                }
                List<float[]> values = new ArrayList<>();
                for (Pair<String, Parameter> p : m.getBlock().getParameters()) {
                    values.add(p.getValue().getArray().toFloatArray());
                }
                return values;
            }
        }
    }

    @Test
    void updatesAsDjlsAdamWDoesAndSharesItsState() {
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> start = steps(0, 0);
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> djl = steps(0, 3);
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> fastThenDjl = steps(2, 3); // DJL's third step reads the moments and counts the fast ones left
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> fast = steps(3, 3);
        for (int i = 0; i < djl.size(); i++) {
            assertArrayEquals(djl.get(i), fastThenDjl.get(i), 1e-6f, "parameter " + i + ", fast then DJL");
            assertArrayEquals(djl.get(i), fast.get(i), 1e-6f, "parameter " + i + ", fast");
            float moved = 0;
            for (int k = 0; k < start.get(i).length; k++) {
                moved = Math.max(moved, Math.abs(start.get(i)[k] - fast.get(i)[k]));
            }
            assertTrue(moved > 1e-3f, "parameter " + i + " moved only " + moved);
        }
    }

    @Test
    void otherOptimizersKeepTheirOwnUpdate() {
        try (Model m = Model.newInstance("adam")) {
            m.setBlock(Mlp.builder().hidden(4).outputs(2).build());
            Optimizer adam = Optimizer.adam().build();
            try (Trainer t = m.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam))) {
                t.initialize(new Shape(8, 3));
                assertFalse(MxNetTuning.INSTANCE.parameterUpdate(t, adam, m.getBlock()) instanceof AdamWStep);
            }
        }
    }
}
