package org.deepbrew.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.deepbrew.train.WithNDManager;
import org.junit.jupiter.api.Test;

class NextItemLossTest extends WithNDManager {
    /** Two rows of 2 steps over 3 outputs; row 1's second step is padding. */
    private static final float[] LOGITS = {
        1, 2, 0,   0, 0, 3,
        2, 0, 1,   5, -4, 9};

    private static double nll(float[] logits, int at, int target) {
        double z = 0;
        for (int k = 0; k < 3; k++) {
            z += Math.exp(logits[at * 3 + k]);
        }
        return Math.log(z) - logits[at * 3 + target];
    }

    private float loss(float[] logits) {
        NDArray p = manager.create(logits, new Shape(2, 2, 3));
        NDList labels = new NDList(manager.create(new float[] {1, 2, 2, 0}, new Shape(2, 2)),
                manager.create(new float[] {1, 1, 1, 0}, new Shape(2, 2)));
        return new NextItemLoss().evaluate(labels, new NDList(p)).getFloat();
    }

    @Test
    void meanOverRealStepsOnlyMatchesAHandComputation() {
        double expected = (nll(LOGITS, 0, 1) + nll(LOGITS, 1, 2) + nll(LOGITS, 2, 2)) / 3;
        assertEquals(expected, loss(LOGITS), 1e-5);
    }

    @Test
    void paddingStepsDoNotChangeTheLoss() {
        float[] changed = LOGITS.clone();
        changed[9] = -30;
        changed[11] = 40;
        assertEquals(loss(LOGITS), loss(changed), 1e-6);
    }

    @Test
    void uniformLogitsCostLnOfTheOutputs() {
        assertEquals(Math.log(3), loss(new float[12]), 1e-5);
    }
}
