package org.deepbrew.forecast;

import java.util.Objects;

/**
 * How far forecasts are from what happened, in three readings: MAE (average miss, in the series'
 * unit), RMSE (punishes large misses more) and MAPE (average miss as a percentage of the actual;
 * undefined when an actual is 0).
 *
 * @param mae  mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error in percent, NaN when some actual value is 0
 */
public record ForecastErrors(double mae, double rmse, double mape) {

    /** Errors of {@code forecast} against {@code actual}, value by value. */
    public static ForecastErrors of(double[] actual, double[] forecast) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(forecast, "forecast");
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("got " + forecast.length + " forecasts for " + actual.length
                    + " actual values");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no values to score");
        }
        double abs = 0;
        double sq = 0;
        double pct = 0;
        boolean zero = false;
        for (int i = 0; i < actual.length; i++) {
            double e = forecast[i] - actual[i];
            abs += Math.abs(e);
            sq += e * e;
            if (actual[i] == 0) {
                zero = true;
            } else {
                pct += Math.abs(e / actual[i]);
            }
        }
        int n = actual.length;
        return new ForecastErrors(abs / n, Math.sqrt(sq / n), zero ? Double.NaN : 100 * pct / n);
    }

    /** {@code 1 - this.mae / baseline.mae}: the share of the baseline's error this forecast removes. */
    public double maeSkillOver(ForecastErrors baseline) {
        return 1 - mae / baseline.mae;
    }

    @Override
    public String toString() {
        return String.format("MAE %.4g, RMSE %.4g, MAPE %.3g%%", mae, rmse, mape);
    }
}
