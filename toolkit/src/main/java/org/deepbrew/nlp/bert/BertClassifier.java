package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A text classifier: a {@link BertEncoder}, a sentence vector ({@link Pooling}), dropout and a
 * dense layer giving one logit per class. Input: token ids, token types, attention mask; output:
 * logits (batch, classes).
 */
public final class BertClassifier extends AbstractBlock {
    private final BertEncoder encoder;
    private final Pooling pooling;
    private final int classes;
    private final Dropout dropout;
    private final Linear head;

    /** A classifier on {@code encoder} (initialized or not) with a new head of {@code classes} outputs. */
    public BertClassifier(BertEncoder encoder, int classes, Pooling pooling) {
        super((byte) 1);
        if (classes < 2) {
            throw new IllegalArgumentException("A classifier needs at least 2 classes, got " + classes);
        }
        if (pooling == Pooling.POOLER && !encoder.config().pooler()) {
            throw new IllegalArgumentException("Pooling.POOLER needs an encoder with a pooler; use CLS or MEAN");
        }
        this.encoder = addChildBlock("encoder", encoder);
        this.pooling = pooling;
        this.classes = classes;
        this.dropout = addChildBlock("dropout", BertBlocks.dropout(encoder.config()));
        this.head = addChildBlock("head", BertBlocks.dense(classes));
    }

    public BertEncoder encoder() {
        return encoder;
    }

    public Pooling pooling() {
        return pooling;
    }

    public int classes() {
        return classes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList encoded = encoder.forward(ps, inputs, training);
        NDArray sentence = pooling.pool(encoded, inputs.get(2));
        NDArray dropped = dropout.forward(ps, new NDList(sentence), training).head();
        return head.forward(ps, new NDList(dropped), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape sentence = new Shape(inputShapes[0].get(0), encoder.config().hiddenSize());
        dropout.initialize(manager, dataType, sentence);
        head.initialize(manager, dataType, sentence);
    }
}
