package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/** How a classifier turns a sequence of token vectors into one sentence vector. */
public enum Pooling {
    /** The [CLS] token's last hidden state. */
    CLS,
    /** BERT's pooler (dense + tanh on [CLS]); needs an encoder with a pooler. */
    POOLER,
    /** The mean of the real tokens' hidden states: what sentence-transformer models such as MiniLM were trained for. */
    MEAN;

    /**
     * One vector per sentence, (batch, hidden), from a {@link BertEncoder}'s outputs (last hidden
     * state, pooled) and the attention mask (batch, length) that marks real tokens with 1.
     */
    public NDArray pool(NDList encoderOutputs, NDArray attentionMask) {
        return switch (this) {
            case CLS -> encoderOutputs.get(0).get(":, 0, :");
            case POOLER -> encoderOutputs.get(1);
            case MEAN -> meanOfRealTokens(encoderOutputs.get(0), attentionMask);
        };
    }

    // Padding positions carry whatever the encoder left there, so they are masked out of the sum.
    private static NDArray meanOfRealTokens(NDArray hidden, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(2);
        return hidden.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1f));
    }
}
