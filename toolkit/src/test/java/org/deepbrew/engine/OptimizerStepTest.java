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
import ai.djl.util.Pair;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OptimizerStepTest extends WithNDManager {

    /** Trains a fresh seeded MLP for three Adam steps on a fixed batch; returns its parameters. */
    private static List<float[]> threeSteps(boolean direct) {
        NDArray x = manager.randomUniform(-1, 1, new Shape(32, 6));
        NDArray y = manager.create(new float[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
                1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1});
        try (Model m = Model.newInstance("step")) {
            m.setBlock(Mlp.builder().hidden(5).outputs(3).build());
            Optimizer adam = Optimizer.adam().build();
            try (Trainer t = m.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam))) {
                ai.djl.engine.Engine.getInstance().setRandomSeed(11);
                t.initialize(new Shape(32, 6));
                OptimizerStep step = new OptimizerStep(t, adam, m.getBlock());
                for (int i = 0; i < 3; i++) {
                    try (GradientCollector gc = t.newGradientCollector()) {
                        gc.backward(t.getLoss().evaluate(new NDList(y), t.forward(new NDList(x))));
                    }
                    if (direct) {
                        step.apply();
                    } else {
                        t.step();
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
    void updatesLikeTheTrainersStep() {
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> viaTrainer = threeSteps(false);
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        List<float[]> direct = threeSteps(true);
        assertEquals(viaTrainer.size(), direct.size());
        for (int i = 0; i < direct.size(); i++) {
            assertArrayEquals(viaTrainer.get(i), direct.get(i), 1e-6f, "parameter " + i);
        }
    }

    @Test
    void movesTheParametersAndSkipsFrozenOnes() {
        try (Model m = Model.newInstance("frozen")) {
            m.setBlock(Mlp.builder().hidden(4).outputs(2).build());
            Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(0.5f)).build();
            try (Trainer t = m.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(sgd))) {
                t.initialize(new Shape(8, 3));
                Parameter first = m.getBlock().getParameters().get(0).getValue();
                Parameter last = m.getBlock().getParameters().get(3).getValue();
                first.freeze(true);
                float[] firstBefore = first.getArray().toFloatArray();
                float[] lastBefore = last.getArray().toFloatArray();
                NDArray x = manager.randomUniform(-1, 1, new Shape(8, 3));
                NDArray y = manager.create(new float[] {0, 1, 0, 1, 0, 1, 0, 1});
                try (GradientCollector gc = t.newGradientCollector()) {
                    gc.backward(t.getLoss().evaluate(new NDList(y), t.forward(new NDList(x))));
                }
                new OptimizerStep(t, sgd, m.getBlock()).apply();
                assertArrayEquals(firstBefore, first.getArray().toFloatArray(), 0f, "a frozen parameter moved");
                assertFalse(java.util.Arrays.equals(lastBefore, last.getArray().toFloatArray()), "the output bias did not move");
            }
        }
    }
}
