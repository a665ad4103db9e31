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
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;

/**
 * The seed's recommender, wired so it can learn: item embedding, dropout, one LSTM layer that
 * returns its state at every step, dropout, then the next-item logits per step.
 */
public final class LstmNetwork extends NextItemNetwork {
    private final int embeddingSize;
    private final int hiddenSize;
    private final Parameter items;
    private final Dropout inputDropout;
    private final LSTM lstm;
    private final Dropout outputDropout;

    /** An LSTM over {@code embeddingSize}-wide item vectors with {@code hiddenSize} units. */
    public LstmNetwork(int itemCount, int embeddingSize, int hiddenSize, float dropout) {
        super(itemCount);
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        items = addParameter(table("items", itemCount + 1L, embeddingSize));
        inputDropout = addChildBlock("inputDropout", Dropout.builder().optRate(dropout).build());
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(hiddenSize).setNumLayers(1)
                .optBatchFirst(true).optReturnState(false).build());
        outputDropout = addChildBlock("outputDropout", Dropout.builder().optRate(dropout).build());
    }

    @Override
    protected int hiddenSize() {
        return hiddenSize;
    }

    @Override
    protected NDArray encode(ParameterStore ps, NDArray ids, boolean training) {
        NDArray table = ps.getValue(items, ids.getDevice(), training);
        NDArray x = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        x = inputDropout.forward(ps, new NDList(x), training).head();
        NDArray h = lstm.forward(ps, new NDList(x), training).head();
        return outputDropout.forward(ps, new NDList(h), training).head();
    }

    @Override
    protected void initializeEncoder(NDManager manager, DataType dataType, Shape ids) {
        Shape embedded = new Shape(ids.get(0), ids.get(1), embeddingSize);
        inputDropout.initialize(manager, dataType, embedded);
        lstm.initialize(manager, dataType, embedded);
        outputDropout.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), hiddenSize));
    }
}
