package org.deepbrew.nlp.baseline;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.train.metrics.ConfusionMatrix;

/**
 * Bag-of-words logistic regression for two classes: each text becomes the set of its tokens (a
 * multi-hot vector over the training vocabulary), and one weight per token plus a bias are learned
 * by full-batch gradient descent with L2 regularization, through {@link Fit} like every other
 * model. No hidden layer, no pretraining: the baseline that shows what BERT adds.
 */
public final class BagOfWordsClassifier implements AutoCloseable {
    private final Function<String, List<String>> tokenizer;
    private final Map<String, Integer> features = new HashMap<>();
    private Model model;
    private History history;

    /** A classifier splitting texts with {@code tokenizer} (for example a BERT tokenizer's {@code tokenize}). */
    public BagOfWordsClassifier(Function<String, List<String>> tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Learns from labelled texts (labels 0 and 1): {@code epochs} full-batch steps of plain gradient
     * descent at {@code learningRate} on the mean log-loss, with weight decay {@code l2}.
     */
    public BagOfWordsClassifier fit(List<LabeledText> train, double l2, int epochs, double learningRate) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("No training texts");
        }
        features.clear();
        int[][] x = new int[train.size()][];
        float[] labels = new float[train.size()];
        for (int i = 0; i < train.size(); i++) {
            LabeledText t = train.get(i);
            if (t.label() != 0 && t.label() != 1) {
                throw new IllegalArgumentException("Bag-of-words baseline is binary; label " + t.label() + " given");
            }
            x[i] = tokensOf(t.text(), true);
            labels[i] = t.label();
        }
        close();
        model = Model.newInstance("bag-of-words");
        Linear weights = Linear.builder().setUnits(1).build();
        weights.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT); // convex: start where every text scores 0.5
        model.setBlock(weights);
        Optimizer descent = Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) learningRate))
                .optWeightDecays((float) l2).build();
        try (NDManager scratch = NDManager.newBaseManager();
             InMemoryDataset data = InMemoryDataset.builder().batchSize(train.size()).shuffle(false)
                     .fromArrays(multiHot(scratch, x), scratch.create(labels))) {
            history = Fit.of(model).loss(Loss.sigmoidBinaryCrossEntropyLoss()).optimizer(descent)
                    .epochs(epochs).train(data).seed(1).quiet().run();
        }
        return this;
    }

    /** Learns with defaults that suit a thousand short sentences. */
    public BagOfWordsClassifier fit(List<LabeledText> train) {
        return fit(train, 1e-3, 500, 1.0);
    }

    /** The training run of the last {@link #fit}: its loss per step shows the descent. */
    public History history() {
        requireFitted();
        return history;
    }

    /** Probability that {@code text} is of class 1. */
    public double probability(String text) {
        return probabilities(List.of(text))[0];
    }

    /** Probability of class 1 for each text, computed in one pass. */
    public double[] probabilities(List<String> texts) {
        requireFitted();
        int[][] x = texts.stream().map(t -> tokensOf(t, false)).toArray(int[][]::new);
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            NDArray scores = model.getBlock().forward(new ParameterStore(scratch, false),
                    new NDList(multiHot(scratch, x)), false).singletonOrThrow();
            float[] p = Activation.sigmoid(scores).toFloatArray();
            double[] out = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i];
            }
            return out;
        }
    }

    /** The confusion matrix on labelled texts, with accuracy, precision, recall and F1. */
    public ConfusionMatrix evaluate(List<LabeledText> data) {
        int[] actual = data.stream().mapToInt(LabeledText::label).toArray();
        double[] p = probabilities(data.stream().map(LabeledText::text).toList());
        int[] predicted = java.util.Arrays.stream(p).mapToInt(v -> v >= 0.5 ? 1 : 0).toArray();
        return ConfusionMatrix.of(actual, predicted, 2);
    }

    /** Number of distinct tokens seen in training. */
    public int vocabularySize() {
        return features.size();
    }

    /** Frees the model's parameters; {@link #fit} may train it again. */
    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    private void requireFitted() {
        if (model == null) {
            throw new IllegalStateException("call fit(train) first");
        }
    }

    private NDArray multiHot(NDManager manager, int[][] rows) {
        int width = Math.max(1, features.size());
        float[] dense = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int f : rows[i]) {
                dense[i * width + f] = 1f;
            }
        }
        return manager.create(dense, new Shape(rows.length, width));
    }

    private int[] tokensOf(String text, boolean grow) {
        Set<Integer> ids = new HashSet<>();
        for (String token : tokenizer.apply(text)) {
            Integer id = grow ? features.computeIfAbsent(token, k -> features.size()) : features.get(token);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
