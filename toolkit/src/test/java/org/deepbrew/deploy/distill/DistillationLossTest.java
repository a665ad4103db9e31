package org.deepbrew.deploy.distill;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DistillationLossTest extends WithNDManager {
    private static final float[][] LOGITS = {{2.0f, -1.0f, 0.5f}, {0.1f, 0.3f, -0.2f}};
    private static final float[][] TEACHER = {{0.7f, 0.2f, 0.1f}, {0.0f, 0.25f, 0.75f}};
    private static final int[] LABELS = {0, 2};

    private float loss(DistillationLoss l, NDArray labels) {
        return l.evaluate(new NDList(labels), new NDList(manager.create(LOGITS))).getFloat();
    }

    @Test
    void matchesHandComputedValue() {
        // numpy, by hand: CE = 0.8136253, KL(teacher || softmax(z/2)) = 0.3567477 (the 0 entry adds nothing),
        // 0.6 * 2^2 * KL + 0.4 * CE = 1.1816447
        NDArray packed = manager.create(SoftTargets.pack(LABELS, TEACHER));
        assertEquals(1.1816447f, loss(new DistillationLoss(0.6, 2.0), packed), 1e-5);
        assertEquals(0.8136253f, loss(new DistillationLoss(0.0, 2.0), packed), 1e-5);
        assertEquals(0.3567477f * 4, loss(new DistillationLoss(1.0, 2.0), packed), 1e-4);
    }

    @Test
    void hardLabelsAloneGiveCrossEntropy() {
        NDArray hard = manager.create(new float[] {0, 2});
        assertEquals(0.8136253f, loss(new DistillationLoss(0.6, 2.0), hard), 1e-5);
        assertEquals(0.8136253f, loss(new DistillationLoss(0.6, 2.0), hard.reshape(2, 1)), 1e-5);
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> new DistillationLoss(1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new DistillationLoss(0.5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss(new DistillationLoss(0.5, 2), manager.create(new float[2][3])));
        assertTrue(e.getMessage().contains("SoftTargets.pack"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftTargets.pack(new int[] {3}, new float[][] {{0.5f, 0.5f}}));
    }

    @Test
    void retemperedProbabilitiesEqualTemperedLogits() {
        float[][] logits = {{1.5f, -0.5f, 0.25f}, {-2f, 3f, 0f}};
        float[][] atOne = SoftTargets.fromLogits(logits, 1.0);
        float[][] direct = SoftTargets.fromLogits(logits, 3.0);
        float[][] viaProbabilities = SoftTargets.fromProbabilities(atOne, 3.0);
        for (int i = 0; i < logits.length; i++) {
            assertArrayEquals(direct[i], viaProbabilities[i], 1e-6f);
        }
        // softmax([1.5, -0.5, 0.25] / 3) by hand: e^0.5, e^-1/6, e^(1/12) over their sum
        double a = Math.exp(0.5), b = Math.exp(-1.0 / 6), c = Math.exp(1.0 / 12);
        assertEquals(a / (a + b + c), direct[0][0], 1e-6);
    }

    @Test
    void studentOnSoftTargetsLearnsTheTeachersProbabilities() {
        // Teacher: a fixed soft rule on 2-d points, p(class 1) = sigmoid(1.5 * (x0 + x1)). Hard labels are its
        // argmax; only the soft targets tell how unsure it is near the boundary.
        int n = 512;
        Random r = new Random(3);
        float[][] x = new float[n][2];
        float[][] teacher = new float[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) r.nextGaussian();
            x[i][1] = (float) r.nextGaussian();
            double p1 = 1 / (1 + Math.exp(-1.5 * (x[i][0] + x[i][1])));
            teacher[i] = new float[] {(float) (1 - p1), (float) p1};
            labels[i] = p1 > 0.5 ? 1 : 0;
        }
        float[][] packed = SoftTargets.pack(labels, teacher); // T = 1: the targets are the teacher's own
        double softError = probabilityError(train(x, packed, 1.0), x, teacher);
        double hardError = probabilityError(train(x, packed, 0.0), x, teacher);
        assertTrue(softError < 0.02, "soft-target student's mean |p - teacher| " + softError);
        assertTrue(hardError > 5 * softError, "labels-only " + hardError + " vs soft " + softError);
    }

    private Model train(float[][] x, float[][] packed, double alpha) {
        Model m = Model.newInstance("student");
        m.setBlock(Mlp.builder().hidden(16).outputs(2).build());
        try (InMemoryDataset data = InMemoryDataset.builder().batchSize(128).seed(5)
                .fromArrays(manager.create(x), manager.create(packed))) {
            Fit.of(m).loss(new DistillationLoss(alpha, 1.0))
                    .optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.03f)).build())
                    .epochs(25).train(data).seed(11).quiet().run();
        }
        return m;
    }

    private double probabilityError(Model m, float[][] x, float[][] teacher) {
        try (m; ai.djl.ndarray.NDManager sub = manager.newSubManager()) {
            NDArray logits = m.getBlock().forward(new ai.djl.training.ParameterStore(sub, false),
                    new NDList(sub.create(x)), false).head();
            float[] p = logits.softmax(1).toFloatArray();
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.abs(p[2 * i + 1] - teacher[i][1]);
            }
            return sum / x.length;
        }
    }
}
