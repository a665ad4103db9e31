package org.deepbrew.business;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import org.deepbrew.nlp.bert.BertConfig;

import java.util.Locale;

/**
 * What makes a model "large", in numbers: its parameter count, the arithmetic of one forward pass
 * per example, the memory to train it, and the compute of a training run. FLOPs count a multiply
 * and an add as two, and only the matrix products and convolutions, which dominate; activations,
 * pooling, normalisation and softmax are left out.
 *
 * <pre>{@code
 * ModelCost mlp = ModelCost.of("MLP 784-256-10", Mlp.relu784x256x10(), new Shape(1, 28, 28));
 * ModelCost base = ModelCost.bert("BERT-base", bertBaseConfig, 128);
 * base.trainingFlops(3.3e9);   // 6 · parameters · tokens
 * }</pre>
 *
 * @param name what to call the model in tables
 * @param parameters number of trainable numbers
 * @param flopsPerExample floating-point operations of one forward pass over one example
 * @param tokensPerExample tokens (or images) one example counts as in {@link #trainingFlops(double)}
 */
public record ModelCost(String name, long parameters, long flopsPerExample, int tokensPerExample) {
    /** float32 weights, their gradients, and Adam's two moment estimates: 4 numbers of 4 bytes each. */
    public static final int ADAM_BYTES_PER_PARAMETER = 16;

    /**
     * Counts a sequential stack of dense and convolution layers (like {@code Mlp} and {@code Cnn}).
     * Initialises {@code block} for one example of {@code exampleShape} (no batch axis, e.g.
     * (1, 28, 28)), so pass a fresh block.
     *
     * @throws IllegalArgumentException for a layer with parameters whose arithmetic it does not know
     */
    public static ModelCost of(String name, Block block, Shape exampleShape) {
        Shape[] input = {new Shape(1).addAll(exampleShape)};
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            long params = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                params += p.getValue().getArray().size();
            }
            return new ModelCost(name, params, flops(block, input), 1);
        }
    }

    /** The arithmetic of {@code block} on {@code input}, layer by layer. */
    private static long flops(Block block, Shape[] input) {
        if (block instanceof SequentialBlock) {
            long sum = 0;
            Shape[] shapes = input;
            for (Pair<String, Block> child : block.getChildren()) {
                sum += flops(child.getValue(), shapes);
                shapes = child.getValue().getOutputShapes(shapes);
            }
            return sum;
        }
        if (block instanceof Linear) {
            Shape w = block.getParameters().get("weight").getArray().getShape();
            return 2 * w.get(0) * w.get(1);
        }
        if (block instanceof Conv2d) {
            Shape w = block.getParameters().get("weight").getArray().getShape();
            Shape out = block.getOutputShapes(input)[0];
            // Each output value is a dot product over (input channels × kernel height × kernel width).
            return 2 * w.get(1) * w.get(2) * w.get(3) * out.get(1) * out.get(2) * out.get(3);
        }
        if (!block.getParameters().isEmpty()) {
            throw new IllegalArgumentException("cannot count the arithmetic of " + block.getClass().getSimpleName()
                    + "; ModelCost.of knows sequential stacks of Linear and Conv2d layers (use ModelCost.bert for BERT)");
        }
        return 0;
    }

    /**
     * A BERT encoder from its sizes alone, with the pooler when the config has one. Parameters:
     * token, position and segment embeddings with their LayerNorm; per layer the four attention
     * projections, two LayerNorms and the two feed-forward layers. FLOPs per sequence of
     * {@code sequenceLength} tokens: 2 per weight of every projection per token, plus the
     * attention scores QKᵀ and their weighted sum of V (2·length·hidden multiply-adds per token
     * per layer), plus the pooler on [CLS].
     */
    public static ModelCost bert(String name, BertConfig c, int sequenceLength) {
        if (sequenceLength < 1 || sequenceLength > c.maxPositions()) {
            throw new IllegalArgumentException("sequence length must be in 1.." + c.maxPositions() + ", got " + sequenceLength);
        }
        long h = c.hiddenSize();
        long ff = c.intermediateSize();
        long embeddings = (c.vocabularySize() + c.maxPositions() + c.typeVocabularySize()) * h + 2 * h;
        long attention = 4 * (h * h + h) + 2 * h;
        long feedForward = (h * ff + ff) + (ff * h + h) + 2 * h;
        long pooler = c.pooler() ? h * h + h : 0;
        long params = embeddings + c.layers() * (attention + feedForward) + pooler;
        long weightsPerToken = c.layers() * (4 * h * h + 2 * h * ff);
        long len = sequenceLength;
        long flops = len * 2 * weightsPerToken + c.layers() * 4 * len * len * h + (c.pooler() ? 2 * h * h : 0);
        return new ModelCost(name, params, flops, sequenceLength);
    }

    /** Bytes to hold the model for training with Adam in float32, activations not included. */
    public long trainingMemoryBytes() {
        return parameters * ADAM_BYTES_PER_PARAMETER;
    }

    /** Bytes of the float32 weights alone: what inference must load. */
    public long weightBytes() {
        return parameters * 4;
    }

    /**
     * The rule-of-thumb compute of training on {@code tokens} tokens: 6 · parameters · tokens
     * (2 for the forward pass, 4 for the backward pass, per parameter per token).
     */
    public double trainingFlops(double tokens) {
        return 6.0 * parameters * tokens;
    }

    /** Training compute measured by this model's own forward FLOPs: 3 × forward (backward costs twice forward). */
    public double trainingFlopsForExamples(double examples) {
        return 3.0 * flopsPerExample * examples;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d parameters, %.3g FLOPs per example, %.1f MB to train with Adam",
                name, parameters, (double) flopsPerExample, trainingMemoryBytes() / 1e6);
    }
}
