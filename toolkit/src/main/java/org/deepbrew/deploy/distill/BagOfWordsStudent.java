package org.deepbrew.deploy.distill;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.deploy.TextModel;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;

/**
 * A small student for a text classifier: each text becomes the set of its tokens (multi-hot over a
 * vocabulary of the training texts' tokens seen at least {@code minCount} times), fed to a one-hidden-layer
 * {@link Mlp}. It trains through {@link Fit} on labels alone ({@link #trainOnLabels}) or on a
 * teacher's softened probabilities ({@link #distil}), and serves as a {@link TextModel}, so a server
 * and a load test treat it like the BERT it imitates, at a fraction of the size and time.
 *
 * <pre>{@code
 * BagOfWordsStudent student = BagOfWordsStudent.builder(tokenizer::tokenize, classNames).name("student").build();
 * student.distil(labelled, unlabelled, teacher, new DistillationLoss(0.9, 2.0));
 * student.probabilities(List.of("A wonderful film."));
 * }</pre>
 */
public final class BagOfWordsStudent implements TextModel {
    private static final String VOCABULARY_FILE = "vocabulary.txt";
    private static final String MODEL_NAME = "bag-of-words-student";
    private static final int TEACHER_BATCH = 64;

    private final Builder settings;
    private final Map<String, Integer> vocabulary = new LinkedHashMap<>();
    private Model model;

    private BagOfWordsStudent(Builder settings) {
        this.settings = settings;
    }

    /** A student splitting texts with {@code tokenizer} (for example a BERT tokenizer's {@code tokenize}). */
    public static Builder builder(Function<String, List<String>> tokenizer, List<String> classNames) {
        return new Builder(tokenizer, classNames);
    }

    @Override
    public String name() {
        return settings.name;
    }

    @Override
    public List<String> classNames() {
        return settings.classNames;
    }

    /** A bag of words has no length limit: every token of a text counts. */
    @Override
    public int maxLength() {
        return Integer.MAX_VALUE;
    }

    /** Tokens the student knows. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Trains on hard labels alone (cross-entropy): the baseline a distilled student is measured against. */
    public History trainOnLabels(List<LabeledText> train) {
        List<String> texts = train.stream().map(LabeledText::text).toList();
        float[][] labels = train.stream().map(t -> new float[] {checkedLabel(t.label())}).toArray(float[][]::new);
        return train(texts, labels, new DistillationLoss(0, 1));
    }

    /**
     * Trains on {@code teacher}'s probabilities over the labelled and the unlabelled texts, softened at
     * {@code loss}'s temperature. The hard part of the loss uses the true label where there is one and the
     * teacher's most probable class where there is none: the teacher labels the texts nobody labelled.
     */
    public History distil(List<LabeledText> labelled, List<String> unlabelled, TextModel teacher, DistillationLoss loss) {
        if (!teacher.classNames().equals(settings.classNames)) {
            throw new IllegalArgumentException("the teacher's classes " + teacher.classNames() + " are not the student's "
                    + settings.classNames);
        }
        List<String> texts = new ArrayList<>(labelled.size() + unlabelled.size());
        labelled.forEach(t -> texts.add(t.text()));
        texts.addAll(unlabelled);
        float[][] probabilities = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += TEACHER_BATCH) {
            // in batches, as a server would send them: one batch of thousands is slower, not faster
            float[][] part = teacher.probabilities(texts.subList(from, Math.min(texts.size(), from + TEACHER_BATCH)));
            System.arraycopy(part, 0, probabilities, from, part.length);
        }
        int[] hard = new int[texts.size()];
        for (int i = 0; i < hard.length; i++) {
            hard[i] = i < labelled.size() ? checkedLabel(labelled.get(i).label()) : argMax(probabilities[i]);
        }
        float[][] soft = SoftTargets.fromProbabilities(probabilities, loss.temperature());
        return train(texts, SoftTargets.pack(hard, soft), loss);
    }

    private History train(List<String> texts, float[][] labels, DistillationLoss loss) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no training texts");
        }
        buildVocabulary(texts);
        close();
        model = Model.newInstance(MODEL_NAME);
        model.setBlock(Mlp.builder().hidden(settings.hidden).dropout(settings.dropout)
                .outputs(settings.classNames.size()).build());
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate))
                .optWeightDecays(settings.weightDecay).build();
        try (NDManager scratch = NDManager.newBaseManager();
             InMemoryDataset data = InMemoryDataset.builder().batchSize(settings.batchSize).seed(settings.seed)
                     .fromArrays(multiHot(scratch, texts), scratch.create(labels))) {
            return Fit.of(model).loss(loss).optimizer(adam).epochs(settings.epochs).train(data)
                    .seed((int) settings.seed).quiet().run();
        }
    }

    private void buildVocabulary(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String token : distinctTokens(text)) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        vocabulary.clear();
        counts.entrySet().stream().filter(e -> e.getValue() >= settings.minCount).map(Map.Entry::getKey).sorted()
                .forEach(t -> vocabulary.put(t, vocabulary.size()));
    }

    private List<String> distinctTokens(String text) {
        return settings.tokenizer.apply(text).stream().distinct().toList();
    }

    /** Rows of 0/1 over the vocabulary; tokens outside it are ignored. */
    private NDArray multiHot(NDManager manager, List<String> texts) {
        int width = Math.max(1, vocabulary.size());
        float[] dense = new float[texts.size() * width];
        for (int i = 0; i < texts.size(); i++) {
            for (String token : distinctTokens(texts.get(i))) {
                Integer id = vocabulary.get(token);
                if (id != null) {
                    dense[i * width + id] = 1f;
                }
            }
        }
        return manager.create(dense, new Shape(texts.size(), width));
    }

    @Override
    public float[][] probabilities(List<String> texts) {
        if (model == null) {
            throw new IllegalStateException("train the student first (trainOnLabels or distil) or load one");
        }
        float[][] out = new float[texts.size()][];
        if (texts.isEmpty()) {
            return out;
        }
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            float[] p = model.getBlock().forward(new ParameterStore(scratch, false), new NDList(multiHot(scratch, texts)),
                    false).head().softmax(1).toFloatArray();
            int k = settings.classNames.size();
            for (int i = 0; i < out.length; i++) {
                out[i] = Arrays.copyOfRange(p, i * k, (i + 1) * k);
            }
        }
        return out;
    }

    /**
     * Writes the vocabulary (one token a line, in feature order) and the parameters (DJL's format) into
     * {@code directory}; returns the bytes written, the student's size on disk.
     */
    public long save(Path directory) throws IOException {
        if (model == null) {
            throw new IllegalStateException("nothing to save: the student is not trained");
        }
        Files.createDirectories(directory);
        Files.write(directory.resolve(VOCABULARY_FILE), vocabulary.keySet(), StandardCharsets.UTF_8);
        model.save(directory, MODEL_NAME);
        try (Stream<Path> files = Files.list(directory)) {
            long bytes = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                bytes += Files.size(p);
            }
            return bytes;
        }
    }

    /** Reads a student written by {@link #save} into this one, built with the same settings. */
    public BagOfWordsStudent load(Path directory) throws IOException {
        List<String> tokens = Files.readAllLines(directory.resolve(VOCABULARY_FILE), StandardCharsets.UTF_8);
        vocabulary.clear();
        tokens.forEach(t -> vocabulary.put(t, vocabulary.size()));
        close();
        model = Model.newInstance(MODEL_NAME);
        model.setBlock(Mlp.builder().hidden(settings.hidden).dropout(settings.dropout)
                .outputs(settings.classNames.size()).build());
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, Math.max(1, tokens.size())));
        try {
            model.load(directory, MODEL_NAME);
        } catch (MalformedModelException e) {
            throw new IOException("the student in " + directory + " does not fit these settings: " + e.getMessage(), e);
        }
        return this;
    }

    private int checkedLabel(int label) {
        if (label < 0 || label >= settings.classNames.size()) {
            throw new IllegalArgumentException("label " + label + " is not one of " + settings.classNames);
        }
        return label;
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** Sizes and training settings of a {@link BagOfWordsStudent}. */
    public static final class Builder {
        private final Function<String, List<String>> tokenizer;
        private final List<String> classNames;
        private String name = "bag-of-words-student";
        private int minCount = 2;
        private int hidden = 32;
        private float dropout = 0.5f;
        private int epochs = 30;
        private int batchSize = 64;
        private float learningRate = 3e-3f;
        private float weightDecay = 1e-4f;
        private long seed = 1;

        private Builder(Function<String, List<String>> tokenizer, List<String> classNames) {
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classNames);
            }
            this.tokenizer = tokenizer;
            this.classNames = List.copyOf(classNames);
        }

        /** The name a server publishes the student under. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Tokens seen in fewer training texts than this are left out of the vocabulary (2). */
        public Builder minCount(int minCount) {
            this.minCount = positive("minCount", minCount);
            return this;
        }

        /** Width of the hidden layer (32). */
        public Builder hidden(int hidden) {
            this.hidden = positive("hidden", hidden);
            return this;
        }

        /** Dropout after the hidden layer while training (0.5). */
        public Builder dropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Passes over the training texts (30). */
        public Builder epochs(int epochs) {
            this.epochs = positive("epochs", epochs);
            return this;
        }

        /** Texts per optimizer step (64). */
        public Builder batchSize(int batchSize) {
            this.batchSize = positive("batchSize", batchSize);
            return this;
        }

        /** Adam's learning rate (3e-3). */
        public Builder learningRate(double learningRate) {
            this.learningRate = (float) learningRate;
            return this;
        }

        /** Adam's weight decay (1e-4). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = (float) weightDecay;
            return this;
        }

        /** Seed of the initial weights, the batch order and dropout (1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public BagOfWordsStudent build() {
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new BagOfWordsStudent(this);
        }

        private static int positive(String what, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + v);
            }
            return v;
        }
    }
}
