package org.deepbrew.recsys;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertLayer;

/**
 * A small SASRec-style model: item + learned position embeddings, LayerNorm and dropout, then
 * transformer layers that attend only backwards, then next-item logits per step.
 *
 * <p>The layers are the toolkit's {@link BertLayer}s given a causal attention bias: step t may
 * attend to steps 0..t, so padding, which {@link SequenceBatches} puts after the real items, never
 * reaches a real step and needs no mask of its own. BERT's layer is post-LayerNorm where SASRec's
 * paper normalises first; at two layers both train well.
 */
public final class SelfAttentionNetwork extends NextItemNetwork {
    /** Added to the attention scores of future steps: softmax gives them weight 0. */
    private static final float FUTURE = -1e9f;

    private final BertConfig config;
    private final Parameter items;
    private final Parameter positions;
    private final LayerNorm norm;
    private final Dropout dropout;
    private final List<BertLayer> layers = new ArrayList<>();

    /**
     * {@code layers} causal transformer layers of width {@code hiddenSize} with {@code heads} heads
     * (which must divide it), a feed-forward layer 4x wider, and positions up to {@code maxLength}.
     */
    public SelfAttentionNetwork(int itemCount, int hiddenSize, int layers, int heads, int maxLength, float dropout) {
        super(itemCount);
        this.config = new BertConfig(itemCount + 1, hiddenSize, layers, heads, 4 * hiddenSize, maxLength, 1,
                1e-6f, dropout, false);
        items = addParameter(table("items", itemCount + 1L, hiddenSize));
        positions = addParameter(table("positions", maxLength, hiddenSize));
        norm = addChildBlock("norm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEpsilon()).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropout).build());
        for (int i = 0; i < layers; i++) {
            this.layers.add(addChildBlock("layer" + i, new BertLayer(config)));
        }
    }

    @Override
    protected int hiddenSize() {
        return config.hiddenSize();
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray ids, boolean training) {
        int length = (int) ids.getShape().get(1);
        if (length > config.maxPositions()) {
            throw new IllegalArgumentException("a history of " + length + " steps is longer than the "
                    + config.maxPositions() + " positions this model has learned; keep the most recent ones");
        }
        NDManager m = ids.getManager();
        NDArray itemTable = ps.getValue(items, ids.getDevice(), training);
        NDArray positionTable = ps.getValue(positions, ids.getDevice(), training);
        NDArray positionIds = m.arange(0, length, 1, DataType.INT32, ids.getDevice());
        NDArray x = Embedding.embedding(ids, itemTable, SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(positionIds, positionTable, SparseFormat.DENSE).singletonOrThrow());
        x = norm.forward(ps, new NDList(x), training).head();
        x = dropout.forward(ps, new NDList(x), training).head();
        NDArray causal = causalBias(m, length);
        for (BertLayer layer : layers) {
            x = layer.forward(ps, new NDList(x, causal), training).head();
        }
        return x;
    }

    /** (1, 1, length, length): 0 where key <= query, {@link #FUTURE} above the diagonal. */
    static NDArray causalBias(NDManager manager, int length) {
        float[] bias = new float[length * length];
        for (int q = 0; q < length; q++) {
            for (int k = q + 1; k < length; k++) {
                bias[q * length + k] = FUTURE;
            }
        }
        return manager.create(bias, new Shape(1, 1, length, length));
    }

    @Override
    protected void initializeEncoder(NDManager manager, DataType dataType, Shape ids) {
        Shape hidden = new Shape(ids.get(0), ids.get(1), config.hiddenSize());
        norm.initialize(manager, dataType, hidden);
        dropout.initialize(manager, dataType, hidden);
        Shape bias = new Shape(1, 1, ids.get(1), ids.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, bias);
        }
    }
}
