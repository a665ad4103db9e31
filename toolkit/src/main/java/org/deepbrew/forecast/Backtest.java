package org.deepbrew.forecast;

import java.util.Arrays;
import java.util.Objects;
import org.deepbrew.display.Plots;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scores a forecaster the way it would be used: split the series by time, then at each step of the
 * test period forecast {@code horizon} steps ahead from everything before it, and compare the
 * last of those with what happened. Nothing from the test period leaks into a forecast.
 *
 * <pre>{@code
 * Backtest bt = Backtest.walkForward(new SeasonalNaive(7), temperatures, 300, 1);
 * bt.errors();  // MAE, RMSE, MAPE over the test period
 * bt.plot();
 * }</pre>
 */
public final class Backtest {
    private final String name;
    private final double[] series;
    private final int testStart;
    private final double[] forecasts;

    private Backtest(String name, double[] series, int testStart, double[] forecasts) {
        this.name = name;
        this.series = series;
        this.testStart = testStart;
        this.forecasts = forecasts;
    }

    /**
     * Forecasts of {@code series[testStart..]}, each made {@code horizon} steps ahead from the values
     * before {@code t - horizon + 1}.
     */
    public static Backtest walkForward(Forecaster forecaster, double[] series, int testStart, int horizon) {
        Objects.requireNonNull(forecaster, "forecaster");
        Objects.requireNonNull(series, "series");
        if (horizon < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 step, got " + horizon);
        }
        if (testStart - horizon + 1 < 1 || testStart >= series.length) {
            throw new IllegalArgumentException("the test period must start after at least " + horizon
                    + " value(s) and before the series' end (" + series.length + " values); got " + testStart);
        }
        double[] out = new double[series.length - testStart];
        for (int t = testStart; t < series.length; t++) {
            int origin = t - horizon + 1;
            double[] f = forecaster.forecast(Arrays.copyOf(series, origin), horizon);
            out[t - testStart] = f[horizon - 1];
        }
        return new Backtest(forecaster.toString(), series.clone(), testStart, out);
    }

    /** The test period's actual values. */
    public double[] actual() {
        return Arrays.copyOfRange(series, testStart, series.length);
    }

    /** The forecasts, aligned with {@link #actual()}. */
    public double[] forecasts() {
        return forecasts.clone();
    }

    public ForecastErrors errors() {
        return ForecastErrors.of(actual(), forecasts);
    }

    /** The whole series and, over the test period, the forecasts. */
    public XYChart plot() {
        double[] x = new double[series.length];
        Arrays.setAll(x, i -> i);
        XYChart chart = Plots.line(name + ": " + errors(), x, series);
        chart.getStyler().setLegendVisible(true);
        chart.getSeriesMap().values().iterator().next().setLabel("actual");
        double[] tx = Arrays.copyOfRange(x, testStart, series.length);
        chart.addSeries("forecast", tx, forecasts).setMarker(SeriesMarkers.NONE);
        chart.setXAxisTitle("step");
        chart.setYAxisTitle("value");
        return chart;
    }
}
