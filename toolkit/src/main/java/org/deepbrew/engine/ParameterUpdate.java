package org.deepbrew.engine;

/** Applies one optimizer update to a block's parameters from the gradients of the last backward pass. */
@FunctionalInterface
public interface ParameterUpdate {
    void apply();
}
