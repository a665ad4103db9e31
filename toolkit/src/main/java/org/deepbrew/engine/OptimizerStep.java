package org.deepbrew.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * Updates a block's trainable parameters in place with an optimizer: the work of
 * {@code trainer.step()}, minus the detour it takes on one device. DJL's MXNet trainer routes every
 * gradient through the engine's key-value store (a copy in, a call back into Java for the update, a
 * copy out), which costs about a millisecond per step for a small network, as much as its forward
 * and backward passes together. Several devices still need that store to share gradients, so there
 * this falls back to {@code trainer.step()}.
 *
 * <p>One difference: this updates every trainable parameter of the block, where the trainer updates
 * only those its forward passes read. Use it for blocks whose forward pass uses all their
 * parameters (every model {@code Fit} trains); with weight decay, an unused one would shrink.
 */
public final class OptimizerStep {
    private final Trainer trainer;
    private final Optimizer optimizer;
    private final List<Parameter> parameters = new ArrayList<>();

    /** The step for {@code trainer}, whose optimizer trains {@code block}'s parameters. */
    public OptimizerStep(Trainer trainer, Optimizer optimizer, Block block) {
        this.trainer = trainer;
        this.optimizer = optimizer;
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(p.getValue());
        }
    }

    /** Applies one update with the gradients as computed. */
    public void apply() {
        apply(1f);
    }

    /** Applies one update from the gradients of the last backward pass, each first multiplied by {@code gradientScale}. */
    public void apply(float gradientScale) {
        if (trainer.getDevices().length != 1) {
            if (gradientScale != 1f) {
                throw new IllegalStateException("scaled gradients need a single device, not " + trainer.getDevices().length);
            }
            trainer.step();
            return;
        }
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) {
                continue; // frozen since the step was made
            }
            NDArray weight = p.getArray();
            try (NDArray gradient = weight.getGradient()) {
                GradientScale.apply(gradient, gradientScale);
                // The id keys the optimizer's per-parameter state and update count, as in DJL.
                optimizer.update(p.getId(), weight, gradient);
            }
        }
    }
}
