package org.deepbrew.deploy.onnx;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.deepbrew.engine.EncoderGraph;
import org.deepbrew.nlp.bert.BertClassifier;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.Pooling;
import org.deepbrew.nlp.onnx.OrtTokenInputs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a (fine-tuned) {@link BertTextClassifier} as an ONNX graph: embeddings, every encoder layer,
 * the classifier's pooling (CLS, MEAN over real tokens, or the pooler) and the head.
 *
 * <p>Inputs are what {@code BertTokenizer.batch} gives, as int64 (batch, sequence):
 * {@value #INPUT_IDS}, {@value #TOKEN_TYPE_IDS}, {@value #ATTENTION_MASK}. Outputs: {@value #LOGITS}
 * and {@value #PROBABILITIES}, both (batch, classes). Every dense layer is a {@code MatMul} with a
 * constant (in, out) weight followed by an {@code Add}, which is the pattern {@link DynamicQuantizer} rewrites.
 *
 * <pre>{@code
 * BertOnnxExport.write(classifier, Path.of("export/sentiment"));   // model.onnx, tokenizer.json, onnx-classifier.properties
 * try (TextModel ort = OnnxTextClassifier.load("sentiment-ort", Path.of("export/sentiment"), 1)) { ... }
 * }</pre>
 */
public final class BertOnnxExport {
    public static final String INPUT_IDS = OrtTokenInputs.INPUT_IDS;
    public static final String TOKEN_TYPE_IDS = OrtTokenInputs.TOKEN_TYPE_IDS;
    public static final String ATTENTION_MASK = OrtTokenInputs.ATTENTION_MASK;
    public static final String LOGITS = "logits";
    public static final String PROBABILITIES = "probabilities";
    /** File names inside an export directory. */
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String SETTINGS_FILE = "onnx-classifier.properties";

    private final BertConfig config;
    private final Map<String, Parameter> encoder;
    private final OnnxModel.Builder b = OnnxModel.builder().graphName("bert-classifier");
    private int counter;

    private BertOnnxExport(BertClassifier classifier) {
        this.config = classifier.encoder().config();
        this.encoder = classifier.encoder().namedParameters();
    }

    /** The classifier as an in-memory ONNX model (fp32). */
    public static OnnxModel toOnnx(BertTextClassifier classifier) {
        return new BertOnnxExport(classifier.block()).build(classifier.block());
    }

    /**
     * Writes {@code model.onnx}, {@code tokenizer.json} and the class names and max length into
     * {@code directory}, everything {@link OnnxTextClassifier#load} needs. Returns the model written.
     */
    public static OnnxModel write(BertTextClassifier classifier, Path directory) throws IOException {
        OnnxModel model = toOnnx(classifier);
        writeDirectory(model, classifier, directory);
        return model;
    }

    /** Writes {@code model} (for example a quantised rewrite of {@link #toOnnx}) with {@code classifier}'s tokenizer and settings. */
    public static void writeDirectory(OnnxModel model, BertTextClassifier classifier, Path directory) throws IOException {
        Files.createDirectories(directory);
        model.write(directory.resolve(MODEL_FILE));
        classifier.tokenizer().save(directory.resolve(TOKENIZER_FILE));
        Properties p = new Properties();
        p.setProperty("classNames", String.join("\t", classifier.classNames()));
        p.setProperty("maxLength", Integer.toString(classifier.maxLength()));
        try (Writer w = Files.newBufferedWriter(directory.resolve(SETTINGS_FILE), StandardCharsets.UTF_8)) {
            p.store(w, "DeepBrew ONNX text classifier");
        }
    }

    private OnnxModel build(BertClassifier classifier) {
        b.input(INPUT_IDS, ElementType.INT64, "batch", "sequence")
                .input(TOKEN_TYPE_IDS, ElementType.INT64, "batch", "sequence")
                .input(ATTENTION_MASK, ElementType.INT64, "batch", "sequence");
        scalar("one", 1f);
        scalar("masked", EncoderGraph.MASKED_SCORE);
        scalar("half", 0.5f);
        scalar("sqrt2", (float) Math.sqrt(2));
        scalar("attentionScale", (float) (1 / Math.sqrt(config.headSize())));
        longs("axis0", 0);
        longs("axes12", 1, 2);
        longs("zero", 0);
        longs("headShape", 0, 0, config.heads(), config.headSize());
        longs("hiddenShape", 0, 0, config.hiddenSize());

        String hidden = embeddings();
        String mask = op("Cast", List.of(ATTENTION_MASK), Map.of("to", (long) ElementType.FLOAT.code()));
        String bias = op("Mul", List.of(op("Sub", List.of("one", mask)), "masked"));
        String maskBias = op("Unsqueeze", List.of(bias, "axes12"));
        for (int i = 0; i < config.layers(); i++) {
            hidden = layer("encoder.layer." + i + ".", hidden, maskBias);
        }
        String sentence = pooled(classifier.pooling(), hidden, mask);
        Linear head = childLinear(classifier, "head");
        addLinear("head.", head.getParameters().get("weight"), head.getParameters().get("bias"));
        String logits = denseFrom("head.", sentence);
        b.node("Identity", List.of(logits), List.of(LOGITS));
        b.node("Softmax", List.of(LOGITS), List.of(PROBABILITIES), Map.of("axis", -1L));
        b.output(LOGITS, ElementType.FLOAT, "batch", (long) classifier.classes())
                .output(PROBABILITIES, ElementType.FLOAT, "batch", (long) classifier.classes());
        return b.build();
    }

    private String embeddings() {
        copy("embeddings.word_embeddings.weight");
        copy("embeddings.position_embeddings.weight");
        copy("embeddings.token_type_embeddings.weight");
        String words = op("Gather", List.of("embeddings.word_embeddings.weight", INPUT_IDS));
        String types = op("Gather", List.of("embeddings.token_type_embeddings.weight", TOKEN_TYPE_IDS));
        // The first `sequence` rows of the position table, broadcast over the batch.
        String length = op("Shape", List.of(INPUT_IDS), Map.of("start", 1L, "end", 2L));
        String positions = op("Slice", List.of("embeddings.position_embeddings.weight", "zero", length, "axis0"));
        String sum = op("Add", List.of(op("Add", List.of(words, types)), positions));
        return norm("embeddings.LayerNorm.", sum);
    }

    private String layer(String p, String x, String maskBias) {
        for (String d : List.of("attention.self.query.", "attention.self.key.", "attention.self.value.",
                "attention.output.dense.", "intermediate.dense.", "output.dense.")) {
            addLinear(p + d, encoder.get(p + d + "weight"), encoder.get(p + d + "bias"));
        }
        String q = heads(denseFrom(p + "attention.self.query.", x), new long[] {0, 2, 1, 3});
        String kT = heads(denseFrom(p + "attention.self.key.", x), new long[] {0, 2, 3, 1});
        String v = heads(denseFrom(p + "attention.self.value.", x), new long[] {0, 2, 1, 3});
        String scores = op("Add", List.of(op("Mul", List.of(op("MatMul", List.of(q, kT)), "attentionScale")), maskBias));
        String attention = op("Softmax", List.of(scores), Map.of("axis", -1L));
        String context = op("Transpose", List.of(op("MatMul", List.of(attention, v))), Map.of("perm", new long[] {0, 2, 1, 3}));
        String merged = op("Reshape", List.of(context, "hiddenShape"));
        String a = norm(p + "attention.output.LayerNorm.",
                op("Add", List.of(denseFrom(p + "attention.output.dense.", merged), x)));
        String inner = gelu(denseFrom(p + "intermediate.dense.", a));
        return norm(p + "output.LayerNorm.", op("Add", List.of(denseFrom(p + "output.dense.", inner), a)));
    }

    private String pooled(Pooling pooling, String hidden, String mask) {
        return switch (pooling) {
            case CLS -> cls(hidden);
            case POOLER -> {
                addLinear("pooler.dense.", encoder.get("pooler.dense.weight"), encoder.get("pooler.dense.bias"));
                yield op("Tanh", List.of(denseFrom("pooler.dense.", cls(hidden))));
            }
            case MEAN -> {
                longs("axis1", 1);
                longs("axis2", 2);
                String weights = op("Unsqueeze", List.of(mask, "axis2"));
                String total = op("ReduceSum", List.of(op("Mul", List.of(hidden, weights)), "axis1"), Map.of("keepdims", 0L));
                String count = op("Max", List.of(op("ReduceSum", List.of(mask, "axis1"), Map.of("keepdims", 1L)), "one"));
                yield op("Div", List.of(total, count));
            }
        };
    }

    /** The first token's hidden state, (batch, hidden). */
    private String cls(String hidden) {
        return op("Gather", List.of(hidden, scalarLong("clsIndex", 0)), Map.of("axis", 1L));
    }

    private String heads(String x, long[] perm) {
        return op("Transpose", List.of(op("Reshape", List.of(x, "headShape"))), Map.of("perm", perm));
    }

    /**
     * The exact GELU, {@code 0.5·x·(1 + erf(x/√2))}, as {@code BertLayer} computes it. Written with the
     * Div that ONNX Runtime's Gelu fusion matches, so it runs as one (bias-)Gelu kernel.
     */
    private String gelu(String x) {
        String erf = op("Erf", List.of(op("Div", List.of(x, "sqrt2"))));
        return op("Mul", List.of(op("Mul", List.of(x, op("Add", List.of(erf, "one")))), "half"));
    }

    private String norm(String prefix, String x) {
        copy(prefix + "weight");
        copy(prefix + "bias");
        return op("LayerNormalization", List.of(x, prefix + "weight", prefix + "bias"),
                Map.of("axis", -1L, "epsilon", config.layerNormEpsilon()));
    }

    /** {@code x W + b} with the weight stored transposed, (in, out), so a plain MatMul reads it. */
    private String denseFrom(String prefix, String x) {
        return op("Add", List.of(op("MatMul", List.of(x, prefix + "weight")), prefix + "bias"));
    }

    private void addLinear(String prefix, Parameter weight, Parameter bias) {
        long[] shape = weight.getArray().getShape().getShape(); // DJL: (out, in)
        int out = (int) shape[0];
        int in = (int) shape[1];
        float[] w = weight.getArray().toFloatArray();
        float[] t = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i * out + o] = w[o * in + i];
            }
        }
        b.initializer(Initializer.floats(prefix + "weight", t, in, out));
        b.initializer(Initializer.floats(prefix + "bias", bias.getArray().toFloatArray(), out));
    }

    private void copy(String name) {
        Parameter p = encoder.get(name);
        if (p == null) {
            throw new IllegalStateException("The encoder has no parameter '" + name + "'");
        }
        b.initializer(Initializer.floats(name, p.getArray().toFloatArray(), p.getArray().getShape().getShape()));
    }

    private void scalar(String name, float value) {
        b.initializer(Initializer.floats(name, new float[] {value}));
    }

    private void longs(String name, long... values) {
        b.initializer(Initializer.longs(name, values, values.length));
    }

    private String scalarLong(String name, long value) {
        b.initializer(Initializer.longs(name, new long[] {value}));
        return name;
    }

    private String op(String type, List<String> inputs) {
        return op(type, inputs, Map.of());
    }

    private String op(String type, List<String> inputs, Map<String, Object> attributes) {
        String out = type.toLowerCase() + "_" + (counter++);
        b.node(type, new ArrayList<>(inputs), List.of(out), attributes);
        return out;
    }

    private static Linear childLinear(Block block, String name) {
        return block.getChildren().stream()
                .filter(pair -> pair.getKey().endsWith(name) && pair.getValue() instanceof Linear)
                .map(pair -> (Linear) pair.getValue())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The classifier has no dense '" + name + "' layer"));
    }
}
