package org.deepbrew.engine;

import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The forward pass of a dense stack (flatten, linear layers, ReLU, sigmoid or tanh) run as one
 * cached MXNet graph instead of layer by layer. For a small network each layer-by-layer call costs
 * more in dispatch than in arithmetic; as one graph the MLP's forward pass takes half the time, and
 * its backward pass runs as one graph too. The graph reads and trains the block's own parameter
 * arrays, so the block, its saved files and its predictions are unchanged.
 *
 * <pre>{@code
 * Optional<DenseGraph> graph = DenseGraph.compile(model.getBlock(), model.getNDManager());
 * NDList logits = graph.get().forward(batch.getData()); // inside a GradientCollector
 * }</pre>
 */
public final class DenseGraph implements CompiledGraph {
    private static final String DATA = "data";
    private static final String LABEL = "label";

    private final NDManager manager;
    private final MxSymbolBlock graph;
    private final ParameterStore store;
    private final boolean withLoss;

    private DenseGraph(NDManager manager, MxSymbolBlock graph, boolean withLoss) {
        this.manager = manager;
        this.graph = graph;
        this.withLoss = withLoss;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Compiles {@code block} if it is an initialized {@link SequentialBlock} of float32 layers this
     * class knows, on the MXNet engine; otherwise returns empty and the caller runs the block as
     * usual.
     */
    public static Optional<DenseGraph> compile(Block block, NDManager manager) {
        return compile(block, manager, false);
    }

    /**
     * Like {@link #compile(Block, NDManager)}, with DJL's default softmax cross-entropy (raw scores,
     * class-index labels, mean over the batch) and the count of correct predictions in the graph:
     * {@link #forward(NDList, NDList)} then returns {loss, stats} where stats holds {loss, correct}
     * and is read with one transfer. A batch costs a dozen fewer engine calls than with the loss
     * computed outside.
     */
    public static Optional<DenseGraph> compileWithSoftmaxCrossEntropy(Block block, NDManager manager) {
        return compile(block, manager, true);
    }

    private static Optional<DenseGraph> compile(Block block, NDManager manager, boolean withLoss) {
        if (!(manager instanceof MxNDManager) || !(block instanceof SequentialBlock)) {
            return Optional.empty();
        }
        SymbolJson json = new SymbolJson();
        Map<String, Parameter> bound = new LinkedHashMap<>();
        String last = json.input(DATA);
        int linear = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            Block layer = child.getValue();
            if (layer instanceof Linear) {
                Parameter weight = layer.getParameters().get("weight");
                Parameter bias = layer.getParameters().get("bias");
                if (!usable(weight) || (bias != null && !usable(bias))) {
                    return Optional.empty();
                }
                int i = linear++;
                String w = json.input("w" + i);
                bound.put(w, weight);
                // flatten=False: like DJL's Linear, apply to the last axis only.
                Map<String, String> attrs = new LinkedHashMap<>(Map.of("flatten", "False",
                        "num_hidden", Long.toString(weight.getArray().getShape().get(0))));
                if (bias == null) {
                    attrs.put("no_bias", "True");
                    last = json.op("FullyConnected", "fc" + i, attrs, last, w);
                } else {
                    String b = json.input("b" + i);
                    bound.put(b, bias);
                    last = json.op("FullyConnected", "fc" + i, attrs, last, w, b);
                }
            } else if (layer instanceof LambdaBlock) {
                Optional<String> kind = recognise((LambdaBlock) layer, manager);
                if (kind.isEmpty()) {
                    return Optional.empty();
                }
                String name = "l" + json.size();
                last = kind.get().equals("flatten")
                        ? json.op("Flatten", name, Map.of(), last)
                        : json.op("Activation", name, Map.of("act_type", kind.get()), last);
            } else {
                return Optional.empty();
            }
        }
        String[] heads = {last};
        if (withLoss) {
            String label = json.input(LABEL);
            String index = json.op("Cast", "label_f", Map.of("dtype", "float32"),
                    json.op("Reshape", "label_flat", Map.of("shape", "(-1,)"), label));
            String logp = json.op("log_softmax", "logp", Map.of("axis", "-1"), last);
            String picked = json.op("pick", "picked", Map.of("axis", "-1"), logp, index);
            String loss = json.op("negative", "loss", Map.of(), json.op("mean", "mean_logp", Map.of(), picked));
            String hit = json.op("_equal", "hit", Map.of(),
                    json.op("argmax", "guess", Map.of("axis", "-1"), last), index);
            String correct = json.op("sum", "correct", Map.of(), hit);
            String stats = json.op("Concat", "stats", Map.of("dim", "0", "num_args", "2"),
                    json.op("BlockGrad", "loss_value", Map.of(), json.op("Reshape", "loss_1", Map.of("shape", "(1,)"), loss)),
                    json.op("BlockGrad", "correct_value", Map.of(), json.op("Reshape", "correct_1", Map.of("shape", "(1,)"), correct)));
            heads = new String[] {loss, stats};
        }
        NDManager own = manager.newSubManager();
        try {
            MxSymbolBlock graph = new MxSymbolBlock(own, Symbol.loadJson((MxNDManager) own, json.build(heads)));
            for (Parameter p : graph.getAllParameters()) {
                Parameter source = bound.get(p.getName());
                if (source != null) {
                    NDArray array = source.getArray();
                    String name = array.getName();
                    p.setArray(array); // shares the array: gradients land where the optimizer looks
                    array.setName(name); // setArray renames; the model's saved files keep theirs
                }
            }
            graph.setInputNames(withLoss ? List.of(DATA, LABEL) : List.of(DATA));
            return Optional.of(new DenseGraph(own, graph, withLoss));
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** The block's output for {@code inputs} (one array), recorded for autograd when recording. */
    public NDList forward(NDList inputs) {
        if (withLoss) {
            throw new IllegalStateException("this graph computes the loss; call forward(inputs, labels)");
        }
        NDArray x = inputs.singletonOrThrow();
        x.setName(DATA);
        return graph.forward(store, new NDList(x), true);
    }

    /**
     * For a graph with the loss: {loss (shape (1)), stats (shape (2): the loss and the count of
     * correct predictions, outside autograd)}.
     */
    public NDList forward(NDList inputs, NDList labels) {
        if (!withLoss) {
            throw new IllegalStateException("this graph has no loss; call forward(inputs)");
        }
        NDArray x = inputs.singletonOrThrow();
        NDArray y = labels.singletonOrThrow();
        x.setName(DATA);
        y.setName(LABEL);
        return graph.forward(store, new NDList(x, y), true);
    }

    /** Whether this graph computes the loss and the correct count. */
    public boolean hasLoss() {
        return withLoss;
    }

    @Override
    public void close() {
        manager.close();
    }

    private static boolean usable(Parameter p) {
        return p != null && p.isInitialized() && p.getArray().getDataType() == DataType.FLOAT32;
    }

    /**
     * A lambda layer hides its function, so it is recognised by what it does: its output on a
     * probe must equal, exactly, that of a flatten or of one of the activations the graph has.
     */
    private static Optional<String> recognise(LambdaBlock layer, NDManager parent) {
        try (NDManager probe = parent.newSubManager()) {
            float[] values = new float[2 * 3 * 8];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0.37f - 4.1f; // both signs, large and small, no two alike
            }
            NDArray x = probe.create(values, new Shape(2, 3, 8));
            NDArray y;
            try {
                y = layer.forward(new ParameterStore(probe, false), new NDList(x), false).singletonOrThrow();
            } catch (RuntimeException e) {
                return Optional.empty(); // wants other inputs: not one of ours
            }
            if (y.getShape().equals(new Shape(2, 24))) {
                return y.contentEquals(x.reshape(2, 24)) ? Optional.of("flatten") : Optional.empty();
            }
            Map<String, UnaryOperator<NDArray>> activations = new LinkedHashMap<>();
            activations.put("relu", Activation::relu);
            activations.put("sigmoid", Activation::sigmoid);
            activations.put("tanh", Activation::tanh);
            for (Map.Entry<String, UnaryOperator<NDArray>> a : activations.entrySet()) {
                if (y.getShape().equals(x.getShape()) && y.contentEquals(a.getValue().apply(x))) {
                    return Optional.of(a.getKey());
                }
            }
            return Optional.empty();
        }
    }
}
