package org.deepbrew.nlp.bert;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deepbrew.nlp.tokenizer.Batch;
import org.deepbrew.nlp.tokenizer.WordPieceTokenizer;
import org.deepbrew.train.OptimizerState;
import org.deepbrew.train.TrainingInterrupted;

/**
 * Masked-language-model pretraining of a BERT encoder from scratch on raw sentences.
 *
 * <pre>{@code
 * try (Pretraining p = Pretraining.fromScratch(BertConfig.small(tok.vocabularySize(), 128, 2, 64), tok, 7)) {
 *     TrainingRun run = p.train(sentences, 600, 32, 48, 1e-3f, listener);
 *     BertEncoder encoder = p.encoder();   // fine-tune it next
 * }
 * }</pre>
 */
public final class Pretraining implements AutoCloseable {
    private final Model model;
    private final MaskedLanguageModel mlm;
    private final WordPieceTokenizer tokenizer;
    private final Masking masking;
    private final long seed;

    private Pretraining(Model model, MaskedLanguageModel mlm, WordPieceTokenizer tokenizer, long seed) {
        this.model = model;
        this.mlm = mlm;
        this.tokenizer = tokenizer;
        this.seed = seed;
        this.masking = new Masking(0.15, tokenizer.maskId(), tokenizer.vocabularySize(),
                Set.of(tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId()));
    }

    /** A new encoder of size {@code config}, randomly initialized (normal, σ = 0.02), with an MLM head. */
    public static Pretraining fromScratch(BertConfig config, WordPieceTokenizer tokenizer, long seed) {
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

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The masking rule in use. */
    public Masking masking() {
        return masking;
    }

    /**
     * Trains for {@code steps} AdamW steps on random batches of {@code texts}, masking afresh every
     * time, with linear warm-up over the first 10 % of the steps and linear decay.
     */
    public TrainingRun train(List<String> texts, int steps, int batchSize, int maxLength, float learningRate,
                             TrainingListener listener) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("No text to pretrain on");
        }
        WarmupLinearDecay schedule = new WarmupLinearDecay(learningRate, Math.max(1, steps / 10), steps);
        Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(0.01f).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(new MaskedLmLoss()).optOptimizer(optimizer);
        List<Float> losses = new ArrayList<>();
        Random random = new Random(seed);
        List<String> order = new ArrayList<>(texts);
        int cursor = order.size();
        long start = System.nanoTime();
        try (Trainer trainer = model.newTrainer(config)) {
            for (int step = 1; step <= steps; step++) {
                TrainingInterrupted.check("Pretraining");
                if (cursor + batchSize > order.size()) {
                    Collections.shuffle(order, random);
                    cursor = 0;
                }
                List<String> part = order.subList(cursor, Math.min(order.size(), cursor + batchSize));
                cursor += batchSize;
                Masking.Masked masked = masking.apply(tokenizer.batch(part, maxLength), random);
                float loss;
                try (NDManager batchManager = trainer.getManager().newSubManager()) {
                    NDList inputs = masked.input().toNDList(batchManager);
                    NDList labels = new NDList(batchManager.create(masked.labels()), batchManager.create(masked.chosen()));
                    loss = GradientStep.take(trainer, inputs, labels, mlm, 1f);
                }
                losses.add(loss);
                listener.onStep(step, steps, loss, schedule.getNewValue(step));
            }
        } finally {
            OptimizerState.free(optimizer); // two arrays per parameter, freed by nothing else
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingRun(List.copyOf(losses), List.of(), (long) steps * batchSize, seconds);
    }

    /**
     * The model's top guesses for each [MASK] in {@code text} (write "[MASK]" where a word is hidden).
     */
    public List<List<String>> fillMask(String text, int top) {
        Batch batch = tokenizer.batch(List.of(text), 512);
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
