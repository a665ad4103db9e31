package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transformer layer of BERT, post-LayerNorm as in the original:
 * {@code a = LN(x + dense(attention(x)))}, {@code y = LN(a + out(gelu(intermediate(a))))}.
 *
 * <p>DJL's {@code TransformerEncoderBlock} takes the second residual from the layer's input
 * rather than from {@code a}, so pretrained BERT weights would compute something else there.
 *
 * <p>Inputs: hidden states (batch, length, hidden) and an additive attention bias that is 0 where
 * a query may attend to a key and very negative where not. BERT passes (batch, 1, 1, length) to
 * hide padding; any shape that broadcasts to (batch, heads, length, length) works, e.g. a causal
 * (1, 1, length, length) bias for a model that must not look ahead.
 */
public final class BertLayer extends AbstractBlock {
    private final BertConfig config;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;
    private final Dropout attentionDropout;
    private final Dropout hiddenDropout;

    /** A new layer of {@code config}'s sizes and dropout (its vocabulary and position sizes are not used). */
    public BertLayer(BertConfig config) {
        super((byte) 1);
        this.config = config;
        int h = config.hiddenSize();
        query = addChildBlock("query", BertBlocks.dense(h));
        key = addChildBlock("key", BertBlocks.dense(h));
        value = addChildBlock("value", BertBlocks.dense(h));
        attentionOutput = addChildBlock("attentionOutput", BertBlocks.dense(h));
        attentionNorm = addChildBlock("attentionNorm", BertBlocks.layerNorm(config));
        intermediate = addChildBlock("intermediate", BertBlocks.dense(config.intermediateSize()));
        output = addChildBlock("output", BertBlocks.dense(h));
        outputNorm = addChildBlock("outputNorm", BertBlocks.layerNorm(config));
        attentionDropout = addChildBlock("attentionDropout", BertBlocks.dropout(config));
        hiddenDropout = addChildBlock("hiddenDropout", BertBlocks.dropout(config));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray maskBias = inputs.get(1);
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        int heads = config.heads();
        int headSize = config.headSize();

        NDArray q = splitHeads(query.forward(ps, new NDList(x), training).head(), batch, length, heads, headSize);
        NDArray k = splitHeads(key.forward(ps, new NDList(x), training).head(), batch, length, heads, headSize);
        NDArray v = splitHeads(value.forward(ps, new NDList(x), training).head(), batch, length, heads, headSize);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headSize)).add(maskBias);
        NDArray probabilities = attentionDropout.forward(ps, new NDList(scores.softmax(-1)), training).head();
        NDArray context = probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, config.hiddenSize());

        NDArray attended = hiddenDropout.forward(ps, attentionOutput.forward(ps, new NDList(context), training), training).head();
        NDArray a = attentionNorm.forward(ps, new NDList(attended.add(x)), training).head();

        NDArray inner = gelu(intermediate.forward(ps, new NDList(a), training).head());
        NDArray out = hiddenDropout.forward(ps, output.forward(ps, new NDList(inner), training), training).head();
        return outputNorm.forward(ps, new NDList(out.add(a)), training);
    }

    private static NDArray splitHeads(NDArray x, long batch, long length, int heads, int headSize) {
        return x.reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
    }

    /** The exact GELU, {@code x·Φ(x)} with the error function, as BERT was trained with. */
    static NDArray gelu(NDArray x) {
        return x.mul(x.div((float) Math.sqrt(2.0)).erf().add(1f)).mul(0.5f);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape wide = new Shape(hidden.get(0), hidden.get(1), config.intermediateSize());
        for (Linear l : new Linear[] {query, key, value, attentionOutput, intermediate}) {
            l.initialize(manager, dataType, hidden);
        }
        output.initialize(manager, dataType, wide);
        attentionNorm.initialize(manager, dataType, hidden);
        outputNorm.initialize(manager, dataType, hidden);
        attentionDropout.initialize(manager, dataType, hidden);
        hiddenDropout.initialize(manager, dataType, hidden);
    }

    /** Parameters under the names of the original checkpoint, {@code prefix} = "encoder.layer.N.". */
    Map<String, Parameter> namedParameters(String prefix) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        BertBlocks.putDense(m, prefix + "attention.self.query.", query);
        BertBlocks.putDense(m, prefix + "attention.self.key.", key);
        BertBlocks.putDense(m, prefix + "attention.self.value.", value);
        BertBlocks.putDense(m, prefix + "attention.output.dense.", attentionOutput);
        BertBlocks.putNorm(m, prefix + "attention.output.LayerNorm.", attentionNorm);
        BertBlocks.putDense(m, prefix + "intermediate.dense.", intermediate);
        BertBlocks.putDense(m, prefix + "output.dense.", output);
        BertBlocks.putNorm(m, prefix + "output.LayerNorm.", outputNorm);
        return m;
    }
}
