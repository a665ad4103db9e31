package org.deepbrew.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Multilayer perceptrons: flatten, then dense layers with an activation between them. The last
 * layer emits raw scores (logits); the softmax lives in the loss, as DJL's
 * {@code softmaxCrossEntropyLoss} expects.
 *
 * <pre>{@code
 * Block mlp = Mlp.builder().hidden(256).activation(Activation::relu).outputs(10).build();
 * }</pre>
 */
public final class Mlp {
    private Mlp() {}

    /**
     * The MNIST network of seed document 000 §4.3: 784 inputs → 100 sigmoid units → 10 scores.
     * Named after its shape so it does not read like a random seed.
     */
    public static Block sigmoid784x100x10() {
        return builder().hidden(100).activation(Activation::sigmoid).outputs(10).build();
    }

    /** The MNIST network of seed document 004 §5: 784 inputs → 256 ReLU units → 10 scores. */
    public static Block relu784x256x10() {
        return builder().hidden(256).activation(Activation::relu).outputs(10).build();
    }

    /** A builder for any depth and width. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures hidden widths, activation, dropout and output count. */
    public static final class Builder {
        private final List<Integer> hidden = new ArrayList<>();
        private Function<NDList, NDList> activation = Activation::relu;
        private int outputs = 10;
        private float dropout;

        private Builder() {}

        /** Appends hidden layers of these widths, in order. */
        public Builder hidden(int... widths) {
            for (int w : widths) {
                if (w <= 0) {
                    throw new IllegalArgumentException("hidden width must be positive, got " + w);
                }
                hidden.add(w);
            }
            return this;
        }

        /** The activation after each hidden layer, e.g. {@code Activation::relu}. */
        public Builder activation(Function<NDList, NDList> activation) {
            this.activation = activation;
            return this;
        }

        /** Number of outputs (classes); default 10. */
        public Builder outputs(int outputs) {
            if (outputs <= 0) {
                throw new IllegalArgumentException("outputs must be positive, got " + outputs);
            }
            this.outputs = outputs;
            return this;
        }

        /** Dropout probability after each hidden activation; 0 (default) for none. */
        public Builder dropout(float rate) {
            if (rate < 0 || rate >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
            }
            this.dropout = rate;
            return this;
        }

        /** A fresh block; call once per model. */
        public Block build() {
            SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
            for (int w : hidden) {
                net.add(Linear.builder().setUnits(w).build()).add(activation);
                if (dropout > 0) {
                    net.add(Dropout.builder().optRate(dropout).build());
                }
            }
            return net.add(Linear.builder().setUnits(outputs).build());
        }
    }
}
