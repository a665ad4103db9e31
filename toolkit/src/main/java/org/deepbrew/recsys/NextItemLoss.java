package org.deepbrew.recsys;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy over the full item catalogue at every step, averaged over the steps the
 * mask counts: padding adds nothing to the loss or its gradient, so a batch of short histories
 * weighs each real step as much as a batch of long ones.
 *
 * <p>Predictions: logits (batch, length, itemCount + 1). Labels, as {@link SequenceBatches}
 * makes them: target ids (batch, length) and mask (batch, length). DJL's
 * {@code SoftmaxCrossEntropyLoss} takes one weight for the whole batch, not one per step, hence
 * this class. A model that knows nothing scores {@code ln(itemCount + 1)}.
 */
public final class NextItemLoss extends Loss {
    public NextItemLoss() {
        super("NextItemLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.head();
        NDArray targets = labels.get(0);
        NDArray mask = labels.get(1);
        if (logits.getShape().dimension() != 3
                || !logits.getShape().slice(0, 2).equals(targets.getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " do not match targets "
                    + targets.getShape() + ": expected (batch, length, items) against (batch, length)");
        }
        NDArray logProbabilities = logits.logSoftmax(-1);
        NDArray picked = logProbabilities.get(new NDIndex().addAllDim(2).addPickDim(targets)).reshape(targets.getShape());
        NDArray counted = mask.sum();
        // max(count, 1): a batch with no counted step has loss 0, not 0/0.
        return picked.mul(mask).sum().neg().div(counted.maximum(1f));
    }
}
