package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.deepbrew.nlp.TextEmbedding;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.deepbrew.nlp.tokenizer.TokenizedText;

/**
 * Sentence embeddings from a pretrained encoder, used as they were trained: the token vectors
 * pooled into one (for MiniLM the mean over real tokens, padding masked out), then scaled to
 * length 1, so that the dot product of two embeddings is their cosine similarity.
 *
 * <pre>{@code
 * try (SentenceEncoder encoder = SentenceEncoder.load(PretrainedBert.MINI_LM_L6_V2)) {
 *     float[][] v = encoder.embed(List.of("Where is my parcel?", "My order has not arrived."));
 *     TextEmbedding.cosine(v[0], v[1]);  // high: the two ask the same thing
 * }
 * }</pre>
 *
 * Texts are encoded in batches of similar length, so that short texts are not padded to the
 * longest one of the whole list.
 */
public final class SentenceEncoder implements TextEmbedding, AutoCloseable {
    private final NDManager manager;
    private final BertEncoder encoder;
    private final BertTokenizer tokenizer;
    private final Pooling pooling;
    private final int maxLength;
    private final int batchSize;

    private SentenceEncoder(Builder b) {
        this.manager = NDManager.newBaseManager();
        this.encoder = b.model.loadEncoder(manager);
        this.tokenizer = b.model.tokenizer();
        this.pooling = b.pooling != null ? b.pooling : b.model.sentencePooling();
        this.maxLength = b.maxLength;
        this.batchSize = b.batchSize;
    }

    /** {@code model} with its own pooling, texts cut at 128 tokens, batches of 64. */
    public static SentenceEncoder load(PretrainedBert model) {
        return builder(model).build();
    }

    public static Builder builder(PretrainedBert model) {
        return new Builder(model);
    }

    @Override
    public int dimension() {
        return encoder.config().hiddenSize();
    }

    public Pooling pooling() {
        return pooling;
    }

    @Override
    public float[][] embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        int n = texts.size();
        List<TokenizedText> encoded = texts.stream().map(t -> tokenizer.encode(t, maxLength)).toList();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).length()));
        float[][] out = new float[n][];
        int hidden = dimension();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            List<TokenizedText> part = Arrays.stream(order, start, end).map(encoded::get).toList();
            TokenBatch tokens = tokenizer.pad(part, 0);
            try (NDManager sub = manager.newSubManager()) {
                NDList inputs = tokens.toNDList(sub);
                NDList outputs = encoder.forward(new ParameterStore(sub, false), inputs, false);
                NDArray v = pooling.pool(outputs, inputs.get(2)).toType(DataType.FLOAT32, false);
                NDArray unit = v.div(v.norm(new int[] {1}, true).maximum(1e-12f));
                float[] flat = unit.toFloatArray();
                for (int k = 0; k < part.size(); k++) {
                    out[order[start + k]] = Arrays.copyOfRange(flat, k * hidden, (k + 1) * hidden);
                }
            }
        }
        return out;
    }

    /** Frees the encoder's weights. */
    @Override
    public void close() {
        manager.close();
    }

    /** Settings for {@link SentenceEncoder}. */
    public static final class Builder {
        private final PretrainedBert model;
        private Pooling pooling;
        private int maxLength = 128;
        private int batchSize = 64;

        private Builder(PretrainedBert model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Overrides the model's own pooling (to compare, say, [CLS] with the mean). */
        public Builder pooling(Pooling pooling) {
            if (pooling == Pooling.POOLER && !model.config().pooler()) {
                throw new IllegalArgumentException(model + " has no pooler; use CLS or MEAN");
            }
            this.pooling = Objects.requireNonNull(pooling, "pooling");
            return this;
        }

        /** Tokens per text, [CLS] and [SEP] included; longer texts are cut. */
        public Builder maxLength(int maxLength) {
            if (maxLength < 3 || maxLength > model.config().maxPositions()) {
                throw new IllegalArgumentException("maxLength must be in 3.." + model.config().maxPositions()
                        + ", got " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** Texts per forward pass: larger is faster up to memory. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public SentenceEncoder build() {
            return new SentenceEncoder(this);
        }
    }
}
