package org.deepbrew.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import org.deepbrew.train.metrics.ConfusionMatrix;
import org.deepbrew.train.metrics.TopK;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's outputs on a data set, as Java arrays: true labels, predicted labels and class
 * probabilities, in data-set order. The bridge from a trained model to the metrics package.
 */
public final class Predictions {
    private final int[] labels;
    private final int[] predicted;
    private final float[][] probabilities;

    private Predictions(int[] labels, int[] predicted, float[][] probabilities) {
        this.labels = labels;
        this.predicted = predicted;
        this.probabilities = probabilities;
    }

    /**
     * Runs {@code model} in inference mode over every batch of {@code data}. An
     * {@link org.deepbrew.data.InMemoryDataset} should be built with {@code shuffle(false)} if you want to look up
     * items by index afterwards.
     */
    public static Predictions of(Model model, Dataset data) {
        List<Integer> y = new ArrayList<>();
        List<float[]> probs = new ArrayList<>();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (Batch batch : data.getData(manager)) {
                try (batch) {
                    TrainingInterrupted.check("Prediction");
                    NDList out = model.getBlock().forward(store, batch.getData(), false);
                    NDArray p = out.head().softmax(1);
                    long n = p.getShape().get(0);
                    long k = p.getShape().get(1);
                    float[] flat = p.toType(DataType.FLOAT32, false).toFloatArray();
                    float[] lab = batch.getLabels().head().toType(DataType.FLOAT32, false).toFloatArray();
                    for (int i = 0; i < n; i++) {
                        float[] row = new float[(int) k];
                        System.arraycopy(flat, (int) (i * k), row, 0, (int) k);
                        probs.add(row);
                        y.add((int) lab[i]);
                    }
                }
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("reading the data failed: " + e.getMessage(), e);
        }
        int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
        float[][] p = probs.toArray(new float[0][]);
        int[] pred = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int arg = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][arg]) {
                    arg = c;
                }
            }
            pred[i] = arg;
        }
        return new Predictions(labels, pred, p);
    }

    /** True class of each item. */
    public int[] labels() {
        return labels.clone();
    }

    /** Predicted class (highest probability) of each item. */
    public int[] predicted() {
        return predicted.clone();
    }

    /** Softmax probabilities, one row per item. */
    public float[][] probabilities() {
        return probabilities;
    }

    /** Number of items. */
    public int size() {
        return labels.length;
    }

    /** Fraction predicted right. */
    public double accuracy() {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += labels[i] == predicted[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    /** Fraction whose true class is among the {@code k} most probable. */
    public double topK(int k) {
        return TopK.accuracy(probabilities, labels, k);
    }

    /** Indices of the items predicted wrong, in order. */
    public int[] mistakes() {
        List<Integer> m = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != predicted[i]) {
                m.add(i);
            }
        }
        return m.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The confusion matrix with the given class names. */
    public ConfusionMatrix confusion(List<String> classNames) {
        return ConfusionMatrix.of(labels, predicted, classNames);
    }

    /** The confusion matrix with classes named 0..k-1. */
    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(labels, predicted, probabilities.length == 0 ? 2 : probabilities[0].length);
    }
}
