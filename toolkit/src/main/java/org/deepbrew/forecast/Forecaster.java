package org.deepbrew.forecast;

/** Predicts the next values of a series from its past. */
@FunctionalInterface
public interface Forecaster {
    /**
     * The {@code horizon} values following {@code history} (oldest first).
     *
     * @throws IllegalArgumentException when the history is too short for this forecaster
     */
    double[] forecast(double[] history, int horizon);
}
