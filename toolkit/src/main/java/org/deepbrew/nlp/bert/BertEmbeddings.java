package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BERT's input layer: word + learned position + token-type embeddings, summed, then LayerNorm
 * and dropout. Input: token ids and token-type ids, both (batch, length); output (batch, length, hidden).
 */
public final class BertEmbeddings extends AbstractBlock {
    private final BertConfig config;
    private final Parameter words;
    private final Parameter positions;
    private final Parameter tokenTypes;
    private final LayerNorm norm;
    private final Dropout dropout;

    BertEmbeddings(BertConfig config) {
        super((byte) 1);
        this.config = config;
        words = addParameter(table("word", config.vocabularySize()));
        positions = addParameter(table("position", config.maxPositions()));
        tokenTypes = addParameter(table("tokenType", config.typeVocabularySize()));
        norm = addChildBlock("norm", BertBlocks.layerNorm(config));
        dropout = addChildBlock("dropout", BertBlocks.dropout(config));
    }

    /** An embedding table: one hidden-size vector for each of {@code rows} ids. */
    private Parameter table(String name, int rows) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, config.hiddenSize())).build();
    }

    /** The word-embedding table, shared with the masked-language-model decoder. */
    Parameter wordParameter() {
        return words;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        long length = ids.getShape().get(1);
        if (length > config.maxPositions()) {
            throw new IllegalArgumentException("Sequence of " + length + " tokens is longer than the "
                    + config.maxPositions() + " positions this BERT has learned; truncate it");
        }
        NDArray w = ps.getValue(words, ids.getDevice(), training);
        NDArray p = ps.getValue(positions, ids.getDevice(), training);
        NDArray t = ps.getValue(tokenTypes, ids.getDevice(), training);
        NDArray positionIds = ids.getManager().arange(0, (int) length, 1, DataType.INT32, ids.getDevice());
        NDArray sum = Embedding.embedding(ids, w, SparseFormat.DENSE).singletonOrThrow()
                .add(Embedding.embedding(types, t, SparseFormat.DENSE).singletonOrThrow())
                .add(Embedding.embedding(positionIds, p, SparseFormat.DENSE).singletonOrThrow());
        NDList normed = norm.forward(ps, new NDList(sum), training);
        return dropout.forward(ps, normed, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape out = getOutputShapes(inputShapes)[0];
        norm.initialize(manager, dataType, out);
        dropout.initialize(manager, dataType, out);
    }

    /** Parameters under the names of the original (Hugging Face) checkpoint. */
    Map<String, Parameter> namedParameters(String prefix) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put(prefix + "word_embeddings.weight", words);
        m.put(prefix + "position_embeddings.weight", positions);
        m.put(prefix + "token_type_embeddings.weight", tokenTypes);
        BertBlocks.putNorm(m, prefix + "LayerNorm.", norm);
        return m;
    }
}
