package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.deepbrew.engine.EngineTuning;

import java.util.ArrayList;
import java.util.List;

/**
 * Scales all gradients of a block together so that their global L2 norm is at most a limit: the
 * direction of the step is kept, only its length is capped. Call it between the backward pass and
 * {@code trainer.step()}.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /** Clips the gradients of {@code block} in place and returns their global norm before clipping. */
    public static float clipGlobalNorm(Block block, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        // Gradient handles live in a scratch manager so nothing piles up per step.
        try (NDManager scratch = NDManager.newBaseManager()) {
            List<NDArray> gradients = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                Parameter parameter = p.getValue();
                if (parameter.requiresGradient() && parameter.isInitialized() && parameter.getArray().hasGradient()) {
                    NDArray g = parameter.getArray().getGradient();
                    g.attach(scratch);
                    gradients.add(g);
                }
            }
            return EngineTuning.of(scratch).clipGlobalNorm(gradients, maxNorm);
        }
    }
}
