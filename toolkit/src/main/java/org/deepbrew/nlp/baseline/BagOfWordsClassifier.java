package org.deepbrew.nlp.baseline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.train.metrics.ConfusionMatrix;

/**
 * Bag-of-words logistic regression for two classes: each text becomes the set of its tokens,
 * and a weight per token is learned by full-batch gradient descent with L2 regularization.
 * Plain Java, trains in well under a second on a few thousand sentences.
 */
public final class BagOfWordsClassifier {
    private final Function<String, List<String>> tokenizer;
    private final Map<String, Integer> features = new HashMap<>();
    private double[] weights = new double[0];
    private double bias;

    /** A classifier splitting texts with {@code tokenizer} (for example a WordPiece tokenizer's {@code tokenize}). */
    public BagOfWordsClassifier(Function<String, List<String>> tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Learns from labelled texts (labels 0 and 1) with the given L2 strength and number of passes. */
    public BagOfWordsClassifier fit(List<LabeledText> train, double l2, int epochs, double learningRate) {
        features.clear();
        int[][] x = new int[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            LabeledText t = train.get(i);
            if (t.label() != 0 && t.label() != 1) {
                throw new IllegalArgumentException("Bag-of-words baseline is binary; label " + t.label() + " given");
            }
            x[i] = tokensOf(t.text(), true);
        }
        weights = new double[features.size()];
        bias = 0;
        int n = train.size();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[] gradient = new double[weights.length];
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                double error = sigmoid(score(x[i])) - train.get(i).label();
                for (int f : x[i]) {
                    gradient[f] += error;
                }
                biasGradient += error;
            }
            for (int f = 0; f < weights.length; f++) {
                weights[f] -= learningRate * (gradient[f] / n + l2 * weights[f]);
            }
            bias -= learningRate * biasGradient / n;
        }
        return this;
    }

    /** Learns with defaults that suit a thousand short sentences. */
    public BagOfWordsClassifier fit(List<LabeledText> train) {
        return fit(train, 1e-3, 500, 1.0);
    }

    /** Probability that {@code text} is of class 1. */
    public double probability(String text) {
        return sigmoid(score(tokensOf(text, false)));
    }

    /** The confusion matrix on labelled texts, with accuracy, precision, recall and F1. */
    public ConfusionMatrix evaluate(List<LabeledText> data) {
        int[] actual = data.stream().mapToInt(LabeledText::label).toArray();
        int[] predicted = data.stream().mapToInt(t -> probability(t.text()) >= 0.5 ? 1 : 0).toArray();
        return ConfusionMatrix.of(actual, predicted, 2);
    }

    /** Number of distinct tokens seen in training. */
    public int vocabularySize() {
        return features.size();
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

    private double score(int[] x) {
        double s = bias;
        for (int f : x) {
            s += weights[f];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
