package org.deepbrew.engine;

/** Applies one optimizer update to a block's parameters from the gradients of the last backward pass. */
@FunctionalInterface
public interface ParameterUpdate {

    /**
     * Applies the update as if every gradient had first been multiplied by {@code gradientScale}
     * (1: as computed). Clipping by global norm reaches the update this way, so an engine can fold
     * the scale into its update kernel instead of making a pass over the gradients of its own.
     */
    void apply(float gradientScale);

    /** Applies the update with the gradients as computed. */
    default void apply() {
        apply(1f);
    }
}
