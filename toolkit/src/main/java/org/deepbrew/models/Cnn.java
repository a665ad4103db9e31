package org.deepbrew.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * Convolutional networks from the seeds and the classics. Input is NCHW; the channel count and
 * image size come from the first batch, so the same block serves 28×28 grey and 32×32 colour.
 */
public final class Cnn {
    private Cnn() {}

    /**
     * The image classifier of seed document 001 §5, named after its three convolutions' filters:
     * Conv(32, 3×3, ReLU) → MaxPool(2) → Conv(64, 3×3, ReLU) → MaxPool(2) →
     * Conv(64, 3×3, ReLU) → Flatten → Dense(64, ReLU) → Dense(classes). Valid (unpadded)
     * convolutions as in the seed's Keras code.
     */
    public static Block conv32x64x64(int classes) {
        return new SequentialBlock()
                .add(conv(32, 3, 0)).add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64, 3, 0)).add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64, 3, 0)).add(Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    /** {@link #conv32x64x64(int)} with 10 classes. */
    public static Block conv32x64x64() {
        return conv32x64x64(10);
    }

    /**
     * LeNet-5 in its modern form (ReLU, max pooling): Conv(6, 5×5, pad 2) → pool → Conv(16, 5×5)
     * → pool → Dense 120 → Dense 84 → Dense(classes).
     */
    public static Block leNet(int classes) {
        return new SequentialBlock()
                .add(conv(6, 5, 2)).add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(16, 5, 0)).add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(120).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(84).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    static Conv2d conv(int filters, int kernel, int pad) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(pad, pad)).build();
    }
}
