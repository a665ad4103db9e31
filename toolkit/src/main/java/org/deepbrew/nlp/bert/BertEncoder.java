package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepbrew.engine.EncoderGraph;
import org.deepbrew.engine.EngineTuning;

/**
 * The BERT encoder as a DJL block: {@link BertEmbeddings}, then {@link BertConfig#layers()}
 * {@link BertLayer}s, then (when the config has one) the pooler, dense + tanh on [CLS].
 *
 * <p>Inputs, each (batch, length): token ids, token-type ids, attention mask (1 for real tokens,
 * 0 for padding). Outputs: the last hidden state (batch, length, hidden) and the pooled vector
 * (batch, hidden) — the pooler's output, or the [CLS] hidden state when there is no pooler.
 */
public final class BertEncoder extends AbstractBlock {

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();
    private final Linear pooler;
    private boolean fastPath = !Boolean.getBoolean("deepbrew.bert.opByOp");
    /**
     * The encoder as one engine graph, compiled on first use, for training (with dropout) and for
     * inference (without dropout nodes); empty when the engine has none.
     */
    private Optional<EncoderGraph> trainingGraph;
    private Optional<EncoderGraph> inferenceGraph;

    /** A new, uninitialized encoder of the given sizes. */
    public BertEncoder(BertConfig config) {
        super((byte) 1);
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new BertLayer(config)));
        }
        pooler = config.pooler() ? addChildBlock("pooler", BertBlocks.dense(config.hiddenSize())) : null;
    }

    public BertConfig config() {
        return config;
    }

    BertEmbeddings embeddings() {
        return embeddings;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() < 3) {
            throw new IllegalArgumentException("BertEncoder needs 3 inputs (token ids, token types, attention mask), got "
                    + inputs.size());
        }
        NDArray mask = inputs.get(2);
        if (fastPath) {
            Optional<EncoderGraph> g = graph(mask.getManager(), training);
            if (g.isPresent()) {
                Optional<NDList> out = g.get().forward(ps, inputs.get(0), inputs.get(1), mask, training);
                if (out.isPresent()) {
                    return out.get();
                }
            }
        }
        long batch = mask.getShape().get(0);
        long length = mask.getShape().get(1);
        NDArray maskBias = mask.toType(DataType.FLOAT32, false).neg().add(1f).mul(EncoderGraph.MASKED_SCORE).reshape(batch, 1, 1, length);
        NDArray hidden = embeddings.forward(ps, new NDList(inputs.get(0), inputs.get(1)), training).head();
        for (BertLayer layer : layers) {
            hidden = layer.forward(ps, new NDList(hidden, maskBias), training).head();
        }
        NDArray cls = hidden.get(":, 0, :");
        NDArray pooled = pooler == null ? cls : pooler.forward(ps, new NDList(cls), training).head().tanh();
        return new NDList(hidden, pooled);
    }

    /**
     * Whether the forward pass runs as one engine graph (the default; on engines without one it
     * runs op by op anyway) or block by block. Both compute the same function on the same
     * parameters; op by op is the reference the graph is tested against.
     */
    public void setFastPath(boolean fast) {
        this.fastPath = fast;
    }

    /** Whether forward passes run as one engine graph: the fast path is on and MXNet compiled one. */
    boolean ranAsGraph() {
        return fastPath && (trainingGraph != null && trainingGraph.isPresent()
                || inferenceGraph != null && inferenceGraph.isPresent());
    }

    private synchronized Optional<EncoderGraph> graph(NDManager manager, boolean training) {
        Optional<EncoderGraph> graph = training ? trainingGraph : inferenceGraph;
        if (graph == null) {
            float dropout = training ? config.dropout() : 0f;
            EncoderGraph.Spec spec = new EncoderGraph.Spec(config.vocabularySize(), config.hiddenSize(), config.layers(),
                    config.heads(), config.intermediateSize(), config.maxPositions(), config.typeVocabularySize(),
                    config.layerNormEpsilon(), dropout, config.pooler());
            Map<String, Parameter> named = namedParameters();
            if (!named.values().stream().allMatch(Parameter::isInitialized)) {
                return Optional.empty(); // not cached: the next call, initialized, compiles
            }
            NDManager owner = named.get("embeddings.word_embeddings.weight").getArray().getManager();
            NDManager target = manager.getEngine() == owner.getEngine() ? owner : manager;
            graph = EngineTuning.of(target).compileEncoder(spec, named, target);
            if (training) {
                trainingGraph = graph;
            } else {
                inferenceGraph = graph;
            }
        }
        return graph;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hiddenSize()),
            new Shape(ids.get(0), config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embeddings.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
        Shape hidden = getOutputShapes(inputShapes)[0];
        Shape bias = new Shape(hidden.get(0), 1, 1, hidden.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, bias);
        }
        if (pooler != null) {
            pooler.initialize(manager, dataType, new Shape(hidden.get(0), config.hiddenSize()));
        }
    }

    /**
     * Every parameter under its name in the original checkpoint ({@code embeddings.word_embeddings.weight},
     * {@code encoder.layer.0.attention.self.query.bias}, …, {@code pooler.dense.weight}).
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>(embeddings.namedParameters("embeddings."));
        for (int i = 0; i < layers.size(); i++) {
            m.putAll(layers.get(i).namedParameters("encoder.layer." + i + "."));
        }
        if (pooler != null) {
            BertBlocks.putDense(m, "pooler.dense.", pooler);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Input shapes for {@code initialize}: three (batch, length) arrays. */
    public static Shape[] inputShapes(long batch, long length) {
        Shape s = new Shape(batch, length);
        return new Shape[] {s, s, s};
    }
}
