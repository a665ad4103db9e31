package org.deepbrew.engine;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** The second half of clipping by global norm, the same on every engine. */
final class GradientScale {
    private GradientScale() {}

    /** Scales {@code gradients} in place when {@code norm} exceeds {@code maxNorm}; returns {@code norm}. */
    static float apply(List<NDArray> gradients, float norm, double maxNorm) {
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : gradients) {
                g.muli(scale);
            }
        }
        return norm;
    }
}
