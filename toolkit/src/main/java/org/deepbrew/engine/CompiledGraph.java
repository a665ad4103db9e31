package org.deepbrew.engine;

import ai.djl.ndarray.NDList;

/**
 * A model's forward pass compiled by the engine into one graph, run instead of layer by layer.
 * It reads and trains the block's own parameters, so nothing else changes.
 */
public interface CompiledGraph extends AutoCloseable {
    /** Whether the graph also computes the loss (then call {@link #forward(NDList, NDList)}). */
    boolean hasLoss();

    /** The model's outputs for {@code inputs}. */
    NDList forward(NDList inputs);

    /** With the loss in the graph: {loss, stats}, stats = {loss, correct predictions}, read in one transfer. */
    NDList forward(NDList inputs, NDList labels);

    @Override
    void close();
}
