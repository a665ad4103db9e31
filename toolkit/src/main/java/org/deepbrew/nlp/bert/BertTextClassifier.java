package org.deepbrew.nlp.bert;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.MalformedModelException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.train.Schedule;
import org.deepbrew.train.TrainingInterrupted;
import org.deepbrew.train.metrics.ConfusionMatrix;

/**
 * A BERT text classifier ready to fine-tune, evaluate, save and serve: a DJL {@link Model} whose
 * block is a {@link BertClassifier}, with the tokenizer, the sequence length and the class names.
 *
 * <pre>{@code
 * try (BertTextClassifier c = BertTextClassifier.pretrained(PretrainedBert.MINI_LM_L6_V2,
 *         List.of("negative", "positive"), Pooling.MEAN, 64)) {
 *     History history = c.fineTune(train, validation, FineTuning.builder().build());
 *     ConfusionMatrix report = c.evaluate(test);
 *     c.save(Path.of("sentiment-model"));
 * }
 * }</pre>
 */
public final class BertTextClassifier implements AutoCloseable {
    private static final String MODEL_NAME = "bert-classifier";
    private static final String SETTINGS_FILE = "classifier.properties";
    private static final String TOKENIZER_FILE = "tokenizer.json";

    private final Model model;
    private final BertClassifier classifier;
    private final BertTokenizer tokenizer;
    private final int maxLength;
    private final List<String> classNames;

    private BertTextClassifier(Model model, BertClassifier classifier, BertTokenizer tokenizer, int maxLength,
                               List<String> classNames) {
        this.model = model;
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.classNames = List.copyOf(classNames);
    }

    /** A classifier on a pretrained encoder, with a new head; dropout 0.1 while fine-tuning. */
    public static BertTextClassifier pretrained(PretrainedBert pretrained, List<String> classNames, Pooling pooling,
                                                int maxLength) {
        Model model = Model.newInstance(MODEL_NAME);
        BertEncoder encoder = pretrained.loadEncoder(model.getNDManager(), 0.1f);
        return assemble(model, encoder, pretrained.tokenizer(), classNames, pooling, maxLength);
    }

    /**
     * A classifier on an encoder of the same shape with random weights (normal, σ = 0.02, as BERT
     * initializes): the baseline that shows what pretraining is worth.
     */
    public static BertTextClassifier randomlyInitialized(BertConfig config, BertTokenizer tokenizer,
                                                         List<String> classNames, Pooling pooling, int maxLength, long seed) {
        Model model = Model.newInstance(MODEL_NAME);
        ai.djl.engine.Engine.getEngine(model.getNDManager().getEngine().getEngineName()).setRandomSeed((int) seed);
        BertEncoder encoder = new BertEncoder(config);
        encoder.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        encoder.initialize(model.getNDManager(), DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        return assemble(model, encoder, tokenizer, classNames, pooling, maxLength);
    }

    /** A classifier on an encoder that already holds weights (for example one pretrained with {@link MaskedLanguageModel}). */
    public static BertTextClassifier onEncoder(BertEncoder encoder, Model model, BertTokenizer tokenizer,
                                               List<String> classNames, Pooling pooling, int maxLength) {
        return assemble(model, encoder, tokenizer, classNames, pooling, maxLength);
    }

    private static BertTextClassifier assemble(Model model, BertEncoder encoder, BertTokenizer tokenizer,
                                               List<String> classNames, Pooling pooling, int maxLength) {
        if (maxLength > encoder.config().maxPositions()) {
            throw new IllegalArgumentException("maxLength " + maxLength + " exceeds the encoder's "
                    + encoder.config().maxPositions() + " positions");
        }
        BertClassifier classifier = new BertClassifier(encoder, classNames.size(), pooling);
        classifier.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        model.setBlock(classifier);
        classifier.initialize(model.getNDManager(), DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        return new BertTextClassifier(model, classifier, tokenizer, maxLength, classNames);
    }

    public Model model() {
        return model;
    }

    public BertClassifier block() {
        return classifier;
    }

    public BertTokenizer tokenizer() {
        return tokenizer;
    }

    public int maxLength() {
        return maxLength;
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * Fine-tunes the whole network (encoder and head) on {@code train} through {@link Fit} and
     * returns its {@link History}: progress and a live loss chart by default, validation loss and
     * accuracy after each epoch when {@code validation} is not empty.
     */
    public History fineTune(List<LabeledText> train, List<LabeledText> validation, FineTuning settings) {
        return fineTuning(train, validation, settings).run();
    }

    /**
     * The fine-tuning run {@link #fineTune} makes, not started yet, so it can be told more:
     * {@code c.fineTuning(train, val, settings).earlyStopping(Monitor.VAL_LOSS, 1).keepBest(Monitor.VAL_ACCURACY).run()}.
     * BERT's recipe: AdamW with weight decay, linear warm-up then linear decay of the learning
     * rate, gradients clipped to a global norm, a seed for the order of the texts and for dropout.
     */
    public Fit fineTuning(List<LabeledText> train, List<LabeledText> validation, FineTuning settings) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("No training sentences");
        }
        for (List<LabeledText> part : List.of(train, validation)) {
            for (LabeledText t : part) {
                if (t.label() < 0 || t.label() >= classNames.size()) {
                    throw new IllegalArgumentException("Label " + t.label() + " of \"" + t.text()
                            + "\" is not one of the " + classNames.size() + " classes " + classNames);
                }
            }
        }
        BertBatches batches = BertBatches.classification(tokenizer, train, maxLength)
                .batchSize(settings.batchSize()).padToMaxLength(settings.padToMaxLength()).build();
        int totalSteps = batches.batchesPerEpoch() * settings.epochs();
        int warmup = Math.round(settings.warmupFraction() * totalSteps);
        Schedule schedule = warmup > 0
                ? Schedule.linear(settings.learningRate(), 0, Math.max(1, totalSteps - warmup)).warmup(warmup)
                : Schedule.linear(settings.learningRate(), 0, totalSteps);
        Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(schedule)
                .optWeightDecays(settings.weightDecay()).build();
        Fit fit = Fit.of(model)
                .loss(Loss.softmaxCrossEntropyLoss())
                .optimizer(optimizer)
                .recordSchedule(schedule)
                .epochs(settings.epochs())
                .seed((int) settings.seed())
                .device(model.getNDManager().getDevice())
                .train(batches);
        if (settings.clipNorm() > 0) {
            fit.clipGradientNorm(settings.clipNorm());
        }
        if (!validation.isEmpty()) {
            fit.validate(BertBatches.classification(tokenizer, validation, maxLength)
                    .batchSize(Math.max(settings.batchSize(), 64)).shuffle(false).build());
        }
        return fit;
    }

    /** Class probabilities of each text, [text][class], computed in batches of 64. */
    public float[][] probabilities(List<String> texts) {
        float[][] out = new float[texts.size()][];
        ParameterStore store = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < texts.size(); from += 64) {
            TrainingInterrupted.check("Prediction");
            List<String> part = texts.subList(from, Math.min(texts.size(), from + 64));
            try (NDManager batchManager = model.getNDManager().newSubManager()) {
                NDList inputs = tokenizer.batch(part, maxLength).toNDList(batchManager);
                float[] p = classifier.forward(store, inputs, false).head().softmax(-1).toFloatArray();
                int k = classNames.size();
                for (int i = 0; i < part.size(); i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k);
                }
            }
        }
        return out;
    }

    /** The most probable class index of each text. */
    public int[] predict(List<String> texts) {
        float[][] p = probabilities(texts);
        int[] labels = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][labels[i]]) {
                    labels[i] = k;
                }
            }
        }
        return labels;
    }

    /** The confusion matrix on labelled texts, with accuracy, precision, recall and F1. */
    public ConfusionMatrix evaluate(List<LabeledText> data) {
        int[] predicted = predict(data.stream().map(LabeledText::text).toList());
        int[] actual = data.stream().mapToInt(LabeledText::label).toArray();
        return ConfusionMatrix.of(actual, predicted, classNames);
    }

    /** A DJL predictor from raw text to class names with probabilities. */
    public Predictor<String, Classifications> newPredictor() {
        return model.newPredictor(new TextClassificationTranslator(tokenizer, maxLength, classNames));
    }

    /**
     * Saves parameters (DJL's format), the encoder config, pooling, sequence length, class names
     * and tokenizer ({@code tokenizer.json}) into {@code directory}, so {@link #load(Path)} can rebuild the block.
     */
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Properties p = classifier.encoder().config().toProperties();
        p.setProperty("pooling", classifier.pooling().name());
        p.setProperty("maxLength", Integer.toString(maxLength));
        p.setProperty("classNames", String.join("\t", classNames));
        try (Writer w = Files.newBufferedWriter(directory.resolve(SETTINGS_FILE), StandardCharsets.UTF_8)) {
            p.store(w, "DeepBrew BERT text classifier");
        }
        tokenizer.save(directory.resolve(TOKENIZER_FILE));
        model.save(directory, MODEL_NAME);
    }

    /** Loads a classifier written by {@link #save(Path)}. */
    public static BertTextClassifier load(Path directory) throws IOException {
        Path settings = directory.resolve(SETTINGS_FILE);
        if (!Files.exists(settings)) {
            throw new IOException("No saved BERT classifier in " + directory + " (" + SETTINGS_FILE + " is missing)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        BertConfig config = BertConfig.fromProperties(p);
        List<String> classNames = List.of(p.getProperty("classNames", "").split("\t"));
        Pooling pooling = Pooling.valueOf(p.getProperty("pooling", Pooling.CLS.name()));
        int maxLength = Integer.parseInt(p.getProperty("maxLength", "128"));
        BertTokenizer tokenizer = BertTokenizer.load(directory.resolve(TOKENIZER_FILE));
        Model model = Model.newInstance(MODEL_NAME);
        BertClassifier classifier = new BertClassifier(new BertEncoder(config), classNames.size(), pooling);
        model.setBlock(classifier);
        try {
            model.load(directory, MODEL_NAME);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("Saved parameters in " + directory + " do not fit the saved config: " + e.getMessage(), e);
        }
        // Loading reads the input shapes but not the input names, and DJL's save needs both; initializing
        // the loaded block sets them and leaves the loaded (already initialized) parameters as they are.
        classifier.initialize(model.getNDManager(), DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        return new BertTextClassifier(model, classifier, tokenizer, maxLength, classNames);
    }

    @Override
    public void close() {
        model.close();
    }
}
