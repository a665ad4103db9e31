package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BERT's masked-language-model head on an encoder: dense + GELU + LayerNorm, then a decoder onto
 * the vocabulary that shares its weights with the word embeddings (plus its own bias).
 * Input: token ids, token types, attention mask; output: logits (batch, length, vocabulary).
 */
public final class MaskedLanguageModel extends AbstractBlock {
    private final BertEncoder encoder;
    private final Linear transform;
    private final LayerNorm norm;
    private final Parameter decoderBias;

    public MaskedLanguageModel(BertEncoder encoder) {
        super((byte) 1);
        this.encoder = addChildBlock("encoder", encoder);
        BertConfig c = encoder.config();
        transform = addChildBlock("transform", BertBlocks.dense(c.hiddenSize()));
        norm = addChildBlock("norm", BertBlocks.layerNorm(c));
        decoderBias = addParameter(Parameter.builder().setName("decoderBias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(c.vocabularySize())).build());
    }

    public BertEncoder encoder() {
        return encoder;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = encoder.forward(ps, inputs, training).get(0);
        NDArray h = BertLayer.gelu(transform.forward(ps, new NDList(hidden), training).head());
        h = norm.forward(ps, new NDList(h), training).head();
        NDArray words = ps.getValue(encoder.embeddings().wordParameter(), h.getDevice(), training);
        NDArray bias = ps.getValue(decoderBias, h.getDevice(), training);
        return new NDList(h.matMul(words.transpose()).add(bias));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), encoder.config().vocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape hidden = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), encoder.config().hiddenSize());
        transform.initialize(manager, dataType, hidden);
        norm.initialize(manager, dataType, hidden);
    }

    /**
     * Mean cross-entropy over the chosen positions only.
     *
     * @param logits (batch, length, vocabulary)
     * @param labels original ids (batch, length)
     * @param chosen 1 where a prediction counts (batch, length)
     */
    public static NDArray loss(NDArray logits, NDArray labels, NDArray chosen) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        long vocabulary = logits.getShape().get(2);
        NDArray picked = logProbabilities.mul(labels.oneHot((int) vocabulary)).sum(new int[] {2});
        NDArray weights = chosen.toType(DataType.FLOAT32, false);
        return picked.mul(weights).sum().neg().div(weights.sum().maximum(1f));
    }
}
