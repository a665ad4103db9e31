package org.deepbrew.explain;

/**
 * A fitted model seen from outside: features in, one score per row out (a probability, a class
 * index, a regression value). {@code X} is {@code float[][]} (rows x features) or a Tablesaw
 * {@code Table}.
 *
 * <pre>{@code
 * ScoreFunction<float[][]> model = rows -> predictions.of(rows);
 * }</pre>
 *
 * @param <X> the feature container the model reads
 */
@FunctionalInterface
public interface ScoreFunction<X> {
    /** One score per row of {@code features}, in row order. */
    double[] score(X features);
}
