package org.deepbrew.nlp.bert;

import java.util.Properties;

/**
 * The sizes of a BERT encoder. Two pretrained ones ship with DeepBrew ({@link #MINI_LM_L6},
 * {@link #BGE_SMALL}); {@link #small(int)} gives a small one to pretrain from scratch.
 *
 * @param vocabularySize number of WordPiece tokens
 * @param hiddenSize width of every token vector
 * @param layers number of transformer layers
 * @param heads attention heads per layer; must divide {@code hiddenSize}
 * @param intermediateSize width of the feed-forward layer inside each transformer layer
 * @param maxPositions longest sequence the learned position embeddings cover
 * @param typeVocabularySize number of segment (token-type) ids, 2 for sentence pairs
 * @param layerNormEpsilon epsilon of every LayerNorm
 * @param dropout dropout rate used while training
 * @param pooler whether the encoder has BERT's pooler (dense + tanh on [CLS])
 */
public record BertConfig(int vocabularySize, int hiddenSize, int layers, int heads, int intermediateSize,
                         int maxPositions, int typeVocabularySize, float layerNormEpsilon, float dropout,
                         boolean pooler) {

    /** all-MiniLM-L6-v2: 6 layers, hidden 384, 12 heads, with pooler. */
    public static final BertConfig MINI_LM_L6 = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f, 0.1f, true);
    /** bge-small-en-v1.5: 12 layers, hidden 384, 12 heads, no pooler in the ONNX file. */
    public static final BertConfig BGE_SMALL = new BertConfig(30522, 384, 12, 12, 1536, 512, 2, 1e-12f, 0.1f, false);

    public BertConfig {
        if (vocabularySize <= 0 || hiddenSize <= 0 || layers <= 0 || heads <= 0 || intermediateSize <= 0
                || maxPositions <= 0 || typeVocabularySize <= 0) {
            throw new IllegalArgumentException("BERT sizes must be positive: " + describe(vocabularySize, hiddenSize,
                    layers, heads, intermediateSize, maxPositions, typeVocabularySize));
        }
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hiddenSize " + hiddenSize + " is not divisible by heads " + heads);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A small BERT for pretraining from scratch on a laptop: 4 heads, feed-forward 4× wider. */
    public static BertConfig small(int vocabularySize, int hiddenSize, int layers, int maxPositions) {
        return new BertConfig(vocabularySize, hiddenSize, layers, 4, 4 * hiddenSize, maxPositions, 2, 1e-12f, 0.1f, false);
    }

    /** The same sizes with another dropout rate. */
    public BertConfig withDropout(float rate) {
        return new BertConfig(vocabularySize, hiddenSize, layers, heads, intermediateSize, maxPositions,
                typeVocabularySize, layerNormEpsilon, rate, pooler);
    }

    /** The same sizes with another feed-forward width (what structured pruning of the FFN neurons leaves). */
    public BertConfig withIntermediateSize(int size) {
        return new BertConfig(vocabularySize, hiddenSize, layers, heads, size, maxPositions,
                typeVocabularySize, layerNormEpsilon, dropout, pooler);
    }

    /** Width of one attention head. */
    public int headSize() {
        return hiddenSize / heads;
    }

    /** The config as properties, to be saved next to a model's parameters. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("vocabularySize", Integer.toString(vocabularySize));
        p.setProperty("hiddenSize", Integer.toString(hiddenSize));
        p.setProperty("layers", Integer.toString(layers));
        p.setProperty("heads", Integer.toString(heads));
        p.setProperty("intermediateSize", Integer.toString(intermediateSize));
        p.setProperty("maxPositions", Integer.toString(maxPositions));
        p.setProperty("typeVocabularySize", Integer.toString(typeVocabularySize));
        p.setProperty("layerNormEpsilon", Float.toString(layerNormEpsilon));
        p.setProperty("dropout", Float.toString(dropout));
        p.setProperty("pooler", Boolean.toString(pooler));
        return p;
    }

    /** Reads a config written by {@link #toProperties()}; names the first missing key. */
    public static BertConfig fromProperties(Properties p) {
        return new BertConfig(intOf(p, "vocabularySize"), intOf(p, "hiddenSize"), intOf(p, "layers"),
                intOf(p, "heads"), intOf(p, "intermediateSize"), intOf(p, "maxPositions"),
                intOf(p, "typeVocabularySize"), Float.parseFloat(required(p, "layerNormEpsilon")),
                Float.parseFloat(required(p, "dropout")), Boolean.parseBoolean(required(p, "pooler")));
    }

    private static int intOf(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("BERT config is missing '" + key + "'");
        }
        return v.trim();
    }

    private static String describe(int... v) {
        return java.util.Arrays.toString(v);
    }
}
