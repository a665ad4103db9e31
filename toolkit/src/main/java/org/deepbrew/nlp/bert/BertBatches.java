package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.deepbrew.data.EpochBatches;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * Texts as a data set of BERT batches, tokenized batch by batch and padded to the longest text of
 * each batch (short batches cost less). It is how text reaches {@link org.deepbrew.train.Fit}: the
 * batch's data are (token ids, token types, attention mask), its labels either the class index of
 * each text ({@link #classification}) or, for masked-LM pretraining ({@link #maskedLm}), the original
 * ids and the positions to predict, masked afresh every epoch.
 *
 * <pre>{@code
 * Fit.of(model).train(BertBatches.classification(tokenizer, train, 64).batchSize(32).build()).run();
 * }</pre>
 *
 * <p>Shuffling is reproducible: epoch {@code e} uses {@code Random(seed + e)}.
 */
public final class BertBatches extends EpochBatches {
    private final BertTokenizer tokenizer;
    private final List<String> texts;
    private final int[] labels;
    private final Masking masking;
    private final int maxLength;
    private final boolean padToMaxLength;

    private BertBatches(Builder b) {
        super(b.texts.size(), b.batchSize, b.shuffle, b.seed);
        this.tokenizer = b.tokenizer;
        this.texts = b.texts;
        this.labels = b.labels;
        this.masking = b.masking;
        this.maxLength = b.maxLength;
        this.padToMaxLength = b.padToMaxLength;
    }

    /** Labelled texts for a classifier: labels are the class indices. */
    public static Builder classification(BertTokenizer tokenizer, List<LabeledText> texts, int maxLength) {
        Objects.requireNonNull(texts, "texts");
        return new Builder(tokenizer, texts.stream().map(LabeledText::text).toList(),
                texts.stream().mapToInt(LabeledText::label).toArray(), null, maxLength);
    }

    /** Raw sentences for masked-LM pretraining, masked by {@code masking} afresh each epoch. */
    public static Builder maskedLm(BertTokenizer tokenizer, List<String> sentences, int maxLength, Masking masking) {
        Objects.requireNonNull(masking, "masking");
        return new Builder(tokenizer, List.copyOf(sentences), null, masking, maxLength);
    }

    /** Number of texts. */
    public int size() {
        return texts.size();
    }

    @Override
    protected Batch batch(NDManager manager, int[] rows, Random random, int index) {
        List<String> part = Arrays.stream(rows).mapToObj(texts::get).toList();
        TokenBatch tokens = padToMaxLength ? tokenizer.batchFixed(part, maxLength) : tokenizer.batch(part, maxLength);
        NDManager sub = manager.newSubManager();
        NDList labelList;
        if (masking != null) {
            Masking.Masked masked = masking.apply(tokens, random);
            tokens = masked.input();
            labelList = new NDList(sub.create(masked.labels()), sub.create(masked.chosen()));
        } else {
            int[] y = Arrays.stream(rows).map(i -> labels[i]).toArray();
            NDArray classes = sub.create(y).toType(DataType.FLOAT32, false);
            labelList = new NDList(classes);
        }
        return new Batch(sub, tokens.toNDList(sub), labelList, rows.length,
                Batchifier.STACK, Batchifier.STACK, index, batchesPerEpoch());
    }

    /** Builds {@link BertBatches}; batch size 32 and shuffling by default. */
    public static final class Builder {
        private final BertTokenizer tokenizer;
        private final List<String> texts;
        private final int[] labels;
        private final Masking masking;
        private final int maxLength;
        private int batchSize = 32;
        private boolean shuffle = true;
        private boolean padToMaxLength;
        private Long seed;

        private Builder(BertTokenizer tokenizer, List<String> texts, int[] labels, Masking masking, int maxLength) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("no texts");
            }
            if (maxLength < 2) {
                throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], got " + maxLength);
            }
            this.texts = texts;
            this.labels = labels;
            this.masking = masking;
            this.maxLength = maxLength;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch visits the texts in a new random order (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The seed of the shuffling and masking; without one, a seeded {@code Fit} supplies it. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Pads every batch to maxLength instead of its longest text (for timings that compare like with like). */
        public Builder padToMaxLength(boolean pad) {
            this.padToMaxLength = pad;
            return this;
        }

        public BertBatches build() {
            return new BertBatches(this);
        }
    }
}
