package org.deepbrew.nlp.bert;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.train.Schedule;

/**
 * Masked-language-model pretraining of a BERT encoder from scratch on raw sentences.
 *
 * <pre>{@code
 * try (Pretraining p = Pretraining.fromScratch(BertConfig.small(tok.vocabularySize(), 128, 2, 64), tok, 7)) {
 *     History history = p.train(sentences, 600, 32, 48, 1e-3f);
 *     BertEncoder encoder = p.encoder();   // fine-tune it next
 * }
 * }</pre>
 */
public final class Pretraining implements AutoCloseable {
    private final Model model;
    private final MaskedLanguageModel mlm;
    private final BertTokenizer tokenizer;
    private final Masking masking;
    private final long seed;

    private Pretraining(Model model, MaskedLanguageModel mlm, BertTokenizer tokenizer, long seed) {
        this.model = model;
        this.mlm = mlm;
        this.tokenizer = tokenizer;
        this.seed = seed;
        this.masking = new Masking(0.15, tokenizer.maskId(), tokenizer.vocabularySize(),
                Set.of(tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId()));
    }

    /** A new encoder of size {@code config}, randomly initialized (normal, σ = 0.02), with an MLM head. */
    public static Pretraining fromScratch(BertConfig config, BertTokenizer tokenizer, long seed) {
        if (config.vocabularySize() != tokenizer.vocabularySize()) {
            throw new IllegalArgumentException("Config vocabulary " + config.vocabularySize()
                    + " differs from the tokenizer's " + tokenizer.vocabularySize());
        }
        Model model = Model.newInstance("bert-mlm");
        ai.djl.engine.Engine.getEngine(model.getNDManager().getEngine().getEngineName()).setRandomSeed((int) seed);
        MaskedLanguageModel mlm = new MaskedLanguageModel(new BertEncoder(config));
        mlm.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        model.setBlock(mlm);
        mlm.initialize(model.getNDManager(), DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        return new Pretraining(model, mlm, tokenizer, seed);
    }

    /** The encoder being pretrained; its arrays belong to {@link #model()}. */
    public BertEncoder encoder() {
        return mlm.encoder();
    }

    public Model model() {
        return model;
    }

    public BertTokenizer tokenizer() {
        return tokenizer;
    }

    /** The masking rule in use. */
    public Masking masking() {
        return masking;
    }

    /**
     * Trains for {@code steps} AdamW steps through {@link Fit} on shuffled batches of {@code texts},
     * masking afresh every epoch, with linear warm-up over the first 10 % of the steps, linear
     * decay and gradients clipped to norm 1; shows progress like any {@code Fit} run.
     */
    public History train(List<String> texts, int steps, int batchSize, int maxLength, float learningRate) {
        return training(texts, steps, batchSize, maxLength, learningRate).run();
    }

    /** The run {@link #train} makes, not started yet, so listeners or a checkpoint can be added. */
    public Fit training(List<String> texts, int steps, int batchSize, int maxLength, float learningRate) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("No text to pretrain on");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        BertBatches batches = BertBatches.maskedLm(tokenizer, texts, maxLength, masking)
                .batchSize(batchSize).seed(seed).build();
        int warmup = Math.max(1, steps / 10);
        Schedule schedule = Schedule.linear(learningRate, 0, Math.max(1, steps - warmup)).warmup(warmup);
        Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(0.01f).build();
        int epochs = (steps + batches.batchesPerEpoch() - 1) / batches.batchesPerEpoch();
        return Fit.of(model)
                .loss(new MaskedLmLoss())
                .optimizer(optimizer)
                .recordSchedule(schedule)
                .epochs(epochs)
                .maxSteps(steps)
                .clipGradientNorm(1)
                .seed((int) seed)
                .device(model.getNDManager().getDevice())
                .train(batches);
    }

    /**
     * The model's top guesses for each [MASK] in {@code text} (write "[MASK]" where a word is hidden).
     */
    public List<List<String>> fillMask(String text, int top) {
        TokenBatch batch = tokenizer.batch(List.of(text), 512);
        List<List<String>> guesses = new ArrayList<>();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray logits = mlm.forward(new ai.djl.training.ParameterStore(manager, false), batch.toNDList(manager), false)
                    .head().get(0);
            for (int t = 0; t < batch.length(); t++) {
                if (batch.ids()[0][t] == tokenizer.maskId()) {
                    int[] best = logits.get(t).argSort(0, false).get("0:" + top).toType(DataType.INT32, false).toIntArray();
                    guesses.add(java.util.Arrays.stream(best).mapToObj(tokenizer::token).toList());
                }
            }
        }
        return guesses;
    }

    @Override
    public void close() {
        model.close();
    }
}
