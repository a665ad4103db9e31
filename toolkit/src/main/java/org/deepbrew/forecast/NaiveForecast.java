package org.deepbrew.forecast;

import java.util.Arrays;

/**
 * "Tomorrow is like today": every future value is the last observed one. Hard to beat a day ahead
 * for slow-moving series (prices, temperatures), which is why a forecast is reported against it.
 */
public final class NaiveForecast implements Forecaster {
    @Override
    public double[] forecast(double[] history, int horizon) {
        Series.check(history, 1, horizon, "the naive forecast");
        double[] out = new double[horizon];
        Arrays.fill(out, history[history.length - 1]);
        return out;
    }

    @Override
    public String toString() {
        return "naive (last value)";
    }
}
