package org.deepbrew.deploy.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Hinton et al.'s distillation loss on a student's logits z:
 * {@code alpha * T^2 * KL(teacher_T || softmax(z / T)) + (1 - alpha) * CE(label, softmax(z))},
 * averaged over the batch. The T^2 keeps the soft term's gradients the same size as T changes.
 *
 * <p>Labels are the rows {@link SoftTargets#pack} builds, {@code [label, p_1..p_C]}. A plain
 * hard label ({@code [N]} or {@code [N, 1]}), as in a validation set, gives the cross-entropy
 * alone, so validation losses stay comparable across students and alphas.
 */
public final class DistillationLoss extends Loss {
    private final float alpha;
    private final float temperature;

    /**
     * @param alpha       weight of the soft (teacher) term, in [0, 1]
     * @param temperature softening temperature T the teacher's targets were made at
     */
    public DistillationLoss(double alpha, double temperature) {
        super("DistillationLoss");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        SoftTargets.checkTemperature(temperature);
        this.alpha = (float) alpha;
        this.temperature = (float) temperature;
    }

    /** Weight of the soft term. */
    public double alpha() {
        return alpha;
    }

    /** The temperature T. */
    public double temperature() {
        return temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.head();
        if (z.getShape().dimension() != 2) {
            throw new IllegalArgumentException("the student must output logits [batch, classes], got " + z.getShape());
        }
        long n = z.getShape().get(0);
        long classes = z.getShape().get(1);
        NDArray label = labels.head();
        NDArray hard;
        NDArray soft = null;
        if (label.getShape().size() == n) {
            hard = label.reshape(n);
        } else if (label.getShape().dimension() == 2 && label.getShape().get(1) == classes + 1) {
            hard = label.get(":, 0");
            soft = label.get(":, 1:");
        } else {
            throw new IllegalArgumentException("labels must be [batch] class indices or [batch, 1 + " + classes
                    + "] rows from SoftTargets.pack, got " + label.getShape());
        }
        NDArray oneHot = hard.toType(DataType.INT32, false).oneHot((int) classes).toType(z.getDataType(), false);
        NDArray ce = z.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
        if (soft == null) {
            return ce;
        }
        soft = soft.toType(z.getDataType(), false);
        // KL(p || q) = sum p (log p - log q); log p is clipped so p = 0 adds 0, not NaN
        NDArray logQ = z.div(temperature).logSoftmax(1);
        NDArray kl = soft.mul(soft.clip(1e-12f, 1f).log().sub(logQ)).sum(new int[] {1}).mean();
        return kl.mul(alpha * temperature * temperature).add(ce.mul(1 - alpha));
    }
}
