package org.deepbrew.engine;

import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole BERT encoder (embeddings, post-LayerNorm transformer layers, optional pooler) as one
 * cached MXNet graph, forward and backward. Op by op through DJL a layer costs some forty engine
 * calls, each with its own dispatch, and the attention runs on 4-D broadcasting matmuls; as one
 * graph MXNet plans the memory once, runs the attention as {@code batch_dot} GEMMs on
 * (batch * heads, length, head size) arrays and the GELU as one op.
 * (MXNet's fused {@code _contrib_interleaved_matmul_selfatt_*} ops, tried first, need a
 * time-major layout and interleaved Q/K/V weights rebuilt on every call; they fine-tuned about
 * 10% slower here on 2 cores.) The queries' 1/sqrt(head size) is folded into the query weights
 * and bias, a pass over 147 thousand numbers instead of over every query. The attention mask is
 * an additive bias of -1e9 on the padded keys before a plain softmax, which oneDNN runs: MXNet's
 * softmax over per-row lengths, tried before, took 5.1 ms on MiniLM's (384, 64, 64) scores where
 * adding the bias and a plain softmax take 1.8 ms.
 *
 * <p>The graph owns no weights: every parameter is a graph input, read on each call from the
 * caller's {@link ParameterStore}, so the blocks keep their DJL parameters (loaded, saved,
 * updated as before) and autograd puts the gradients on those very arrays.
 *
 * <p>Inputs: token ids, token-type ids and attention mask, int32 (batch, length), the mask 1 for
 * a real token and 0 for padding, anywhere in the sequence; {@link #forward} returns empty for a
 * mask of another rank and the caller runs the blocks. Outputs: the last hidden state (batch, length, hidden)
 * and the pooled vector (batch, hidden): dense + tanh on [CLS] with a pooler, the [CLS] hidden
 * state without one.
 */
final class BertGraph implements EncoderGraph {
    private static final String IDS = "ids";
    private static final String TYPES = "types";
    private static final String BIAS = "attention_bias";


    private final NDManager manager;
    private final MxSymbolBlock block;
    private final ParameterStore ownStore;
    private final List<String> names;
    private final List<Parameter> parameters;
    private final Spec spec;

    private BertGraph(Spec spec, NDManager manager, MxSymbolBlock block, List<String> names, List<Parameter> parameters) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
        this.names = names;
        this.parameters = parameters;
        this.ownStore = new ParameterStore(manager, false);
    }

    /**
     * The graph for an encoder whose parameters are {@code named} under the original checkpoint's
     * names ({@code embeddings.word_embeddings.weight}, {@code encoder.layer.0.attention.self.query.bias},
     * …, {@code pooler.dense.weight}); empty when {@code manager} is not MXNet's or a parameter is
     * missing or not float32, and the caller then runs the blocks op by op.
     */
    static Optional<EncoderGraph> compile(Spec spec, Map<String, Parameter> named, NDManager manager) {
        if (!(manager instanceof MxNDManager) || spec.hiddenSize() % spec.heads() != 0) {
            return Optional.empty();
        }
        for (Parameter p : named.values()) {
            if (p == null || !p.isInitialized() || p.getArray().getDataType() != DataType.FLOAT32) {
                return Optional.empty();
            }
        }
        Builder b = new Builder(spec, named);
        String[] heads;
        try {
            heads = b.encoder();
        } catch (MissingParameter e) {
            return Optional.empty();
        }
        NDManager own = manager.newSubManager();
        try {
            MxSymbolBlock block = new MxSymbolBlock(own, Symbol.loadJson((MxNDManager) own, b.json.build(heads)));
            List<String> inputs = b.json.inputNames();
            block.setInputNames(inputs);
            return Optional.of(new BertGraph(spec, own, block, List.copyOf(b.parameterNames), List.copyOf(b.parameters)));
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * {hidden states, pooled} for the three int32 (batch, length) inputs. With {@code training}
     * dropout is applied; recorded for autograd when a gradient collector is recording.
     */
    @Override
    public Optional<NDList> forward(ParameterStore ps, NDArray ids, NDArray types, NDArray mask, boolean training) {
        NDArray bias = attentionBias(mask);
        if (bias == null) {
            return Optional.empty();
        }
        NDList in = new NDList(3 + parameters.size());
        List<NDArray> renamed = new ArrayList<>(3 + parameters.size());
        List<String> former = new ArrayList<>(3 + parameters.size());
        NDArray[] data = {int32(ids), int32(types), bias};
        String[] dataNames = {IDS, TYPES, BIAS};
        for (int i = 0; i < 3; i++) {
            in.add(named(data[i], dataNames[i], renamed, former));
        }
        for (int i = 0; i < parameters.size(); i++) {
            NDArray value = ps.getValue(parameters.get(i), ids.getDevice(), training);
            in.add(named(value, names.get(i), renamed, former));
        }
        // MXNet decides dropout by its global training flag, which a gradient collector sets.
        boolean wasTraining = JnaUtils.autogradIsTraining();
        if (wasTraining != training) {
            JnaUtils.autogradSetTraining(training);
        }
        try {
            return Optional.of(block.forward(ownStore, in, false));
        } finally {
            if (wasTraining != training) {
                JnaUtils.autogradSetTraining(wasTraining);
            }
            for (int i = 0; i < renamed.size(); i++) {
                renamed.get(i).setName(former.get(i));
            }
        }
    }

    /**
     * The attention bias, float32 (batch * heads, 1, length): 0 for a real key, -1e9 for padding,
     * once per head; null unless the mask is (batch, length).
     */
    private NDArray attentionBias(NDArray mask) {
        long[] shape = mask.getShape().getShape();
        if (shape.length != 2) {
            return null;
        }
        int batch = (int) shape[0];
        int length = (int) shape[1];
        int[] m = int32(mask).toIntArray();
        int heads = spec.heads();
        float[] out = new float[batch * heads * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                float value = m[b * length + t] == 0 ? MASKED_SCORE : 0f;
                for (int h = 0; h < heads; h++) {
                    out[(b * heads + h) * length + t] = value;
                }
            }
        }
        return mask.getManager().create(out, new Shape((long) batch * heads, 1, length));
    }

    private static NDArray int32(NDArray a) {
        return a.getDataType() == DataType.INT32 ? a : a.toType(DataType.INT32, false);
    }

    /** The graph reads its inputs by name; the arrays get theirs back after the call. */
    private static NDArray named(NDArray a, String name, List<NDArray> renamed, List<String> former) {
        renamed.add(a);
        former.add(a.getName());
        a.setName(name);
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }

    private static final class MissingParameter extends RuntimeException {
        MissingParameter(String name) {
            super(name, null, false, false);
        }
    }

    /** Writes the encoder's symbol graph. */
    private static final class Builder {
        final SymbolJson json = new SymbolJson();
        final List<String> parameterNames = new ArrayList<>();
        final List<Parameter> parameters = new ArrayList<>();
        private final Spec spec;
        private final Map<String, Parameter> named;

        Builder(Spec spec, Map<String, Parameter> named) {
            this.spec = spec;
            this.named = named;
        }

        String[] encoder() {
            String ids = json.input(IDS);
            String types = json.input(TYPES);
            // (B*heads, 1, L) spread once to (B*heads, L, L), its length read off the ids: every
            // layer then adds it element by element, whose backward is a plain pass-through (a
            // broadcasting add's backward runs MXNet's slow generic reduction, on every layer).
            String bias = json.op("broadcast_like", Map.of("lhs_axes", "(1,)", "rhs_axes", "(1,)"), json.input(BIAS), ids);
            int h = spec.hiddenSize();

            // Embeddings: words + token types + positions, LayerNorm, dropout. Position ids are
            // (B, L), so that the position embeddings add element by element.
            String positions = json.op("broadcast_like", Map.of(),
                    json.op("Reshape", Map.of("shape", "(1,-1)"), json.op("_contrib_arange_like", Map.of("axis", "1"), ids)),
                    ids);
            String words = json.op("Embedding", embedding(spec.vocabularySize()), ids, param("embeddings.word_embeddings.weight"));
            String typeEmb = json.op("Embedding", embedding(spec.typeVocabularySize()), types,
                    param("embeddings.token_type_embeddings.weight"));
            String posEmb = json.op("Embedding", embedding(spec.maxPositions()), positions,
                    param("embeddings.position_embeddings.weight"));
            String sum = json.op("elemwise_add", Map.of(), json.op("elemwise_add", Map.of(), words, typeEmb), posEmb);
            String x = dropout(layerNorm(sum, "embeddings.LayerNorm."));

            for (int i = 0; i < spec.layers(); i++) {
                x = layer(x, bias, "encoder.layer." + i + ".");
            }
            String cls = json.op("Reshape", Map.of("shape", "(0,-1)"),
                    json.op("slice_axis", Map.of("axis", "1", "begin", "0", "end", "1"), x)); // (B, h)
            String pooled = cls;
            if (spec.pooler()) {
                pooled = json.op("Activation", Map.of("act_type", "tanh"), dense(cls, "pooler.dense.", h));
            }
            return new String[] {x, pooled};
        }

        /** One layer on {@code x} (B, L, h). */
        private String layer(String x, String bias, String prefix) {
            int h = spec.hiddenSize();
            int heads = spec.heads();
            int d = spec.headSize();
            String self = prefix + "attention.self.";
            // Queries scaled by 1/sqrt(d) through their weights and bias: the same scores, and a
            // pass over h * (h + 1) numbers instead of over every query.
            String scale = Float.toString((float) Math.sqrt(d));
            String q = heads(json.op("FullyConnected", fc(h), x,
                    json.op("_div_scalar", Map.of("scalar", scale), param(self + "query.weight")),
                    json.op("_div_scalar", Map.of("scalar", scale), param(self + "query.bias"))));
            String k = heads(dense(x, self + "key.", h));
            String v = heads(dense(x, self + "value.", h));
            String scores = json.op("batch_dot", Map.of("transpose_b", "True"), q, k); // (B*heads, L, L)
            String probabilities = dropout(json.op("softmax", Map.of("axis", "-1"),
                    json.op("elemwise_add", Map.of(), scores, bias)));
            String context = json.op("batch_dot", Map.of(), probabilities, v); // (B*heads, L, d)
            context = json.op("Reshape", Map.of("shape", "(-4,-1," + heads + ",0,0)"), context); // (B, heads, L, d)
            context = json.op("transpose", Map.of("axes", "(0,2,1,3)"), context); // (B, L, heads, d)
            context = json.op("Reshape", Map.of("shape", "(0,0,-3)"), context);

            String attended = dropout(dense(context, prefix + "attention.output.dense.", h));
            String a = layerNorm(json.op("elemwise_add", Map.of(), attended, x), prefix + "attention.output.LayerNorm.");
            String inner = json.op("LeakyReLU", Map.of("act_type", "gelu"),
                    dense(a, prefix + "intermediate.dense.", spec.intermediateSize()));
            String out = dropout(dense(inner, prefix + "output.dense.", h));
            return layerNorm(json.op("elemwise_add", Map.of(), out, a), prefix + "output.LayerNorm.");
        }

        /** (B, L, h) to (B*heads, L, d). */
        private String heads(String x) {
            String t = json.op("Reshape", Map.of("shape", "(0,0," + spec.heads() + "," + spec.headSize() + ")"), x);
            t = json.op("transpose", Map.of("axes", "(0,2,1,3)"), t); // (B, heads, L, d)
            return json.op("Reshape", Map.of("shape", "(-3,0,0)"), t);
        }

        private String dense(String x, String prefix, int units) {
            return json.op("FullyConnected", fc(units), x, param(prefix + "weight"), param(prefix + "bias"));
        }

        private String layerNorm(String x, String prefix) {
            return json.op("LayerNorm", Map.of("axis", "-1", "eps", Float.toString(spec.layerNormEpsilon())),
                    x, param(prefix + "weight"), param(prefix + "bias"));
        }

        private String dropout(String x) {
            return spec.dropout() > 0 ? json.op("Dropout", Map.of("p", Float.toString(spec.dropout())), x) : x;
        }

        private static Map<String, String> fc(int units) {
            return Map.of("num_hidden", Integer.toString(units), "flatten", "False");
        }

        private Map<String, String> embedding(int rows) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("input_dim", Integer.toString(rows));
            attrs.put("output_dim", Integer.toString(spec.hiddenSize()));
            return attrs;
        }

        /** A graph input bound to the named parameter. */
        private String param(String name) {
            Parameter p = named.get(name);
            if (p == null) {
                throw new MissingParameter(name);
            }
            String input = "p" + parameters.size() + "_" + name.replace('.', '_');
            parameters.add(p);
            parameterNames.add(input);
            return json.input(input);
        }
    }
}
