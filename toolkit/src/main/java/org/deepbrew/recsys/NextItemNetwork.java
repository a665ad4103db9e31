package org.deepbrew.recsys;

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

/**
 * A causal sequence model that reads item ids (batch, length) and gives, at every step, logits
 * over the whole catalogue for the item that comes next: an encoder to hidden states (batch,
 * length, hidden), then one linear layer onto {@code itemCount + 1} outputs (output 0 is padding).
 * Subclasses supply the encoder; "causal" means step {@code t} sees inputs {@code 0..t} only.
 */
public abstract class NextItemNetwork extends AbstractBlock {
    private final int itemCount;
    private final Linear output;

    protected NextItemNetwork(int itemCount) {
        super((byte) 1);
        if (itemCount < 1) {
            throw new IllegalArgumentException("itemCount must be at least 1, got " + itemCount);
        }
        this.itemCount = itemCount;
        this.output = addChildBlock("output", Linear.builder().setUnits(itemCount + 1L).build());
    }

    /** Items in the catalogue; logits have {@code itemCount + 1} entries. */
    public int itemCount() {
        return itemCount;
    }

    /** Width of the hidden state the output layer reads. */
    protected abstract int hiddenSize();

    /** Hidden states (batch, length, hiddenSize) of item ids (batch, length); step t sees inputs 0..t. */
    protected abstract NDArray encode(ParameterStore ps, NDArray ids, boolean training);

    /** Initialises the encoder's own parameters and children for ids of {@code idShape}. */
    protected abstract void initializeEncoder(NDManager manager, DataType dataType, Shape idShape);

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return output.forward(ps, new NDList(encode(ps, inputs.head(), training)), training);
    }

    /**
     * Logits (batch, itemCount + 1) at the last real step of each row: {@code lengths[i]} real
     * items, right-padded. Only those hidden states reach the output layer, so scoring costs one
     * catalogue-wide product per history, not one per step.
     */
    public NDArray lastStepLogits(ParameterStore ps, NDArray ids, int[] lengths) {
        long batch = ids.getShape().get(0);
        int length = (int) ids.getShape().get(1);
        float[] select = new float[(int) batch * length];
        for (int i = 0; i < batch; i++) {
            select[i * length + lengths[i] - 1] = 1f;
        }
        NDArray hidden = encode(ps, ids, false);
        NDArray pick = ids.getManager().create(select, new Shape(batch, length, 1));
        NDArray last = hidden.mul(pick).sum(new int[] {1});
        return output.forward(ps, new NDList(last), false).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), itemCount + 1L)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        initializeEncoder(manager, dataType, ids);
        output.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), hiddenSize()));
    }

    /** An embedding table of {@code rows} vectors of {@code width}. */
    protected static Parameter table(String name, long rows, int width) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, width)).build();
    }
}
