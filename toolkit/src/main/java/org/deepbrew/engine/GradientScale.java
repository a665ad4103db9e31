package org.deepbrew.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Multiplies gradients in place by a clipping scale, for updates that cannot take the scale themselves. */
final class GradientScale {
    private GradientScale() {}

    /** Scales {@code gradient} in place unless {@code scale} is 1. */
    static void apply(NDArray gradient, float scale) {
        if (scale != 1f) {
            gradient.muli(scale);
        }
    }

    /** Scales the gradient of every trainable parameter of {@code block} in place unless {@code scale} is 1. */
    static void apply(Block block, float scale) {
        if (scale == 1f) {
            return;
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized() && parameter.getArray().hasGradient()) {
                try (NDArray g = parameter.getArray().getGradient()) {
                    g.muli(scale);
                }
            }
        }
    }
}
