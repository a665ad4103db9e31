package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Scales all gradients of a block together so their global L2 norm is at most a limit. */
final class GradientClipping {
    private GradientClipping() {}

    /** Clips in place and returns the norm before clipping. */
    static float clipGlobalNorm(Block block, float maxNorm) {
        double sumSquares = 0;
        java.util.List<NDArray> gradients = new java.util.ArrayList<>();
        // Gradient handles and temporaries live in a scratch manager so nothing piles up per step.
        try (NDManager scratch = NDManager.newBaseManager()) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                Parameter parameter = p.getValue();
                if (parameter.requiresGradient() && parameter.isInitialized() && parameter.getArray().hasGradient()) {
                    NDArray g = parameter.getArray().getGradient();
                    g.attach(scratch);
                    gradients.add(g);
                    sumSquares += g.square().sum().getFloat();
                }
            }
            float norm = (float) Math.sqrt(sumSquares);
            if (maxNorm > 0 && norm > maxNorm) {
                float scale = maxNorm / (norm + 1e-6f);
                for (NDArray g : gradients) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }
}
