package org.deepbrew.nlp;

import java.util.Arrays;

/**
 * Accuracy, F1 and the confusion matrix of predicted against true class labels.
 *
 * @param confusion counts, [true class][predicted class]
 */
public record ClassificationReport(int[][] confusion) {

    /** Tallies {@code predicted} against {@code actual} over {@code classes} classes. */
    public static ClassificationReport of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + predicted.length + " predictions");
        }
        int[][] c = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            c[actual[i]][predicted[i]]++;
        }
        return new ClassificationReport(c);
    }

    public int total() {
        return Arrays.stream(confusion).flatMapToInt(Arrays::stream).sum();
    }

    /** Share of predictions that are right. */
    public double accuracy() {
        int right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    /** F1 of class {@code k} against the rest. */
    public double f1(int k) {
        int tp = confusion[k][k];
        int predicted = 0;
        int actual = 0;
        for (int i = 0; i < confusion.length; i++) {
            predicted += confusion[i][k];
            actual += confusion[k][i];
        }
        return predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
    }

    /** F1 averaged over classes (macro F1). */
    public double macroF1() {
        double sum = 0;
        for (int k = 0; k < confusion.length; k++) {
            sum += f1(k);
        }
        return sum / confusion.length;
    }

    /** The confusion matrix as aligned text, rows = true class, columns = predicted. */
    public String confusionTable(String... classNames) {
        StringBuilder sb = new StringBuilder(String.format("%-12s", "true\\pred"));
        for (int k = 0; k < confusion.length; k++) {
            sb.append(String.format("%10s", name(classNames, k)));
        }
        for (int i = 0; i < confusion.length; i++) {
            sb.append('\n').append(String.format("%-12s", name(classNames, i)));
            for (int k = 0; k < confusion.length; k++) {
                sb.append(String.format("%10d", confusion[i][k]));
            }
        }
        return sb.toString();
    }

    private static String name(String[] names, int k) {
        return k < names.length ? names[k] : Integer.toString(k);
    }

    @Override
    public String toString() {
        return String.format("accuracy %.3f, macro F1 %.3f, n=%d", accuracy(), macroF1(), total());
    }
}
