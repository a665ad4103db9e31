package org.deepbrew.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.Arrays;

/**
 * A small residual network for 28×28 to 32×32 images: a 3×3 stem, then stages of basic residual
 * blocks (two 3×3 convolutions with batch norm, plus a shortcut), global average pooling and a
 * dense classifier. Shortcuts let gradients skip layers, which is why deep stacks still train.
 */
public final class ResNet {
    private ResNet() {}

    /** Three stages of widths 16, 32, 64, {@code blocksPerStage} residual blocks each. */
    public static Block small(int classes, int blocksPerStage) {
        if (blocksPerStage < 1) {
            throw new IllegalArgumentException("blocksPerStage must be at least 1, got " + blocksPerStage);
        }
        SequentialBlock net = new SequentialBlock()
                .add(Cnn.conv(16, 3, 1)).add(BatchNorm.builder().build()).add(Activation::relu);
        int[] widths = {16, 32, 64};
        for (int stage = 0; stage < widths.length; stage++) {
            for (int b = 0; b < blocksPerStage; b++) {
                boolean downsample = stage > 0 && b == 0;
                net.add(residual(widths[stage], downsample));
            }
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** One basic block; {@code downsample} halves the resolution and projects the shortcut. */
    static Block residual(int filters, boolean downsample) {
        Shape stride = downsample ? new Shape(2, 2) : new Shape(1, 1);
        SequentialBlock main = new SequentialBlock()
                .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                        .optStride(stride).optPadding(new Shape(1, 1)).build())
                .add(BatchNorm.builder().build()).add(Activation::relu)
                .add(Cnn.conv(filters, 3, 1))
                .add(BatchNorm.builder().build());
        SequentialBlock shortcut = new SequentialBlock();
        if (downsample) {
            shortcut.add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1))
                    .optStride(stride).build()).add(BatchNorm.builder().build());
        } else {
            shortcut.add(Blocks.identityBlock());
        }
        return new SequentialBlock()
                .add(new ParallelBlock(ResNet::sumAndRelu, Arrays.asList(main, shortcut)));
    }

    private static NDList sumAndRelu(java.util.List<NDList> branches) {
        NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(Activation.relu(sum));
    }
}
