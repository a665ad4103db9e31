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
 * direction of the step is kept, only its length is capped. {@link Fit} hands the scale to the
 * optimizer's update ({@link #scaleFor}); {@link #clipGlobalNorm} scales the gradients themselves,
 * for a loop of one's own, between the backward pass and {@code trainer.step()}.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /** Clips the gradients of {@code block} in place and returns their global norm before clipping. */
    public static float clipGlobalNorm(Block block, double maxNorm) {
        requirePositive(maxNorm);
        try (NDManager scratch = NDManager.newBaseManager()) {
            List<NDArray> gradients = gradients(block, scratch);
            float norm = EngineTuning.of(scratch).globalNorm(gradients);
            float scale = scaleFor(norm, maxNorm);
            if (scale != 1f) {
                for (NDArray g : gradients) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }

    /** The global L2 norm of {@code block}'s gradients, read from the engine once. */
    public static float globalNorm(Block block) {
        try (NDManager scratch = NDManager.newBaseManager()) {
            return EngineTuning.of(scratch).globalNorm(gradients(block, scratch));
        }
    }

    /** What to multiply gradients of global norm {@code norm} by to cap it at {@code maxNorm}: 1 when it is under. */
    public static float scaleFor(float norm, double maxNorm) {
        requirePositive(maxNorm);
        return norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
    }

    private static void requirePositive(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
    }

    // Gradient handles live in a scratch manager so nothing piles up per step.
    private static List<NDArray> gradients(Block block, NDManager scratch) {
        List<NDArray> gradients = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized() && parameter.getArray().hasGradient()) {
                NDArray g = parameter.getArray().getGradient();
                g.attach(scratch);
                gradients.add(g);
            }
        }
        return gradients;
    }
}
