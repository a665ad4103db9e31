package org.deepbrew.deploy.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Structured pruning of an {@link org.deepbrew.models.Mlp}'s hidden layer: whole units are
 * removed and the result is a smaller dense network, which really computes less (unlike the
 * zeros of {@link MagnitudePruner}). A unit's importance is the L1 norm of its outgoing weights
 * (the next layer's column for it): a unit whose outgoing weights are zero contributes nothing,
 * whatever its activation, so removing it leaves the outputs unchanged.
 */
public final class NeuronPruning {
    private NeuronPruning() {}

    /**
     * A copy of {@code mlp} whose hidden layer {@code hiddenLayer} (0-based) keeps its
     * {@code keep} most important units, weights copied, parameters in {@code manager}.
     * The source must be initialised; activations and dropout blocks are shared with it.
     */
    public static SequentialBlock prune(Block mlp, int hiddenLayer, int keep, NDManager manager) {
        List<Block> children = children(mlp);
        List<Integer> linears = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof Linear) {
                linears.add(i);
            }
        }
        if (hiddenLayer < 0 || hiddenLayer >= linears.size() - 1) {
            throw new IllegalArgumentException("hidden layer " + hiddenLayer + " does not exist; the MLP has "
                    + (linears.size() - 1) + " hidden layers");
        }
        Linear layer = (Linear) children.get(linears.get(hiddenLayer));
        Linear next = (Linear) children.get(linears.get(hiddenLayer + 1));
        NDArray w = weight(layer);
        NDArray b = bias(layer);
        NDArray wNext = weight(next);
        int units = (int) w.getShape().get(0);
        if (keep < 1 || keep > units) {
            throw new IllegalArgumentException("keep must be in 1.." + units + ", got " + keep);
        }
        int[] kept = mostImportant(wNext, keep);

        SequentialBlock out = new SequentialBlock();
        Linear newLayer = Linear.builder().setUnits(keep).build();
        Linear newNext = Linear.builder().setUnits(wNext.getShape().get(0)).build();
        for (int i = 0; i < children.size(); i++) {
            Block c = children.get(i);
            out.add(c == layer ? newLayer : c == next ? newNext : c);
        }
        long inputs = weight((Linear) children.get(linears.get(0))).getShape().get(1);
        out.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        for (int i = 0; i < children.size(); i++) {
            Block c = children.get(i);
            if (c instanceof Linear source && c != layer && c != next) {
                copy(weight(source), weight((Linear) out.getChildren().get(i).getValue()));
                copy(bias(source), bias((Linear) out.getChildren().get(i).getValue()));
            }
        }
        try (NDManager tmp = manager.newSubManager()) {
            NDArray index = tmp.create(kept);
            copy(w.get(index), weight(newLayer));
            copy(b.get(index), bias(newLayer));
            copy(wNext.transpose().get(index).transpose(), weight(newNext));
            copy(bias(next), bias(newNext));
        }
        return out;
    }

    /** Indices of the {@code keep} units with the largest outgoing L1 norm, in their original order. */
    static int[] mostImportant(NDArray nextWeight, int keep) {
        int outputs = (int) nextWeight.getShape().get(0);
        int units = (int) nextWeight.getShape().get(1);
        float[] v = nextWeight.toFloatArray();
        double[] score = new double[units];
        for (int o = 0; o < outputs; o++) {
            for (int u = 0; u < units; u++) {
                score[u] += Math.abs(v[o * units + u]);
            }
        }
        int[] ranked = IntStream.range(0, units).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -score[u]).thenComparingInt(u -> u))
                .mapToInt(Integer::intValue).limit(keep).toArray();
        Arrays.sort(ranked);
        return ranked;
    }

    private static List<Block> children(Block mlp) {
        if (!(mlp instanceof SequentialBlock seq)) {
            throw new IllegalArgumentException("expected an Mlp (a SequentialBlock of Linear layers), got "
                    + mlp.getClass().getSimpleName());
        }
        if (!mlp.isInitialized()) {
            throw new IllegalArgumentException("the MLP is not initialised; train it or call initialize first");
        }
        List<Block> out = new ArrayList<>();
        seq.getChildren().values().forEach(out::add);
        return out;
    }

    private static NDArray weight(Linear l) {
        return param(l, "weight");
    }

    private static NDArray bias(Linear l) {
        return param(l, "bias");
    }

    private static NDArray param(Linear l, String name) {
        Parameter p = l.getParameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("the Linear layer has no " + name);
        }
        return p.getArray();
    }

    private static void copy(NDArray from, NDArray to) {
        if (!from.getShape().equals(to.getShape())) {
            throw new IllegalStateException("shape " + from.getShape() + " does not fit " + to.getShape());
        }
        to.set(FloatBuffer.wrap(from.toFloatArray()));
    }
}
