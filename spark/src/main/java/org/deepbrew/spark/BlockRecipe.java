package org.deepbrew.spark;

import ai.djl.nn.Block;
import java.io.Serializable;

/**
 * How to build a model's (untrained) block again in another JVM. Blocks themselves cannot be
 * serialized; a recipe is a few numbers, and the trained weights travel beside it as bytes.
 */
@FunctionalInterface
public interface BlockRecipe extends Serializable {
    /** A fresh, uninitialised block of the right architecture. */
    Block build();
}
