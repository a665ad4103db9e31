package org.deepbrew.forecast;

/**
 * "Like the same time one season ago": step {@code h} ahead repeats the value {@code period} steps
 * before it (7 for daily data with a weekly rhythm, 12 for monthly data with a yearly one).
 */
public final class SeasonalNaive implements Forecaster {
    private final int period;

    /** @param period the season's length in steps, at least 1 (1 is the naive forecast) */
    public SeasonalNaive(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("a season lasts at least 1 step, got " + period);
        }
        this.period = period;
    }

    public int period() {
        return period;
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        Series.check(history, period, horizon, "a seasonal naive forecast with period " + period);
        int n = history.length;
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = history[n - period + h % period];
        }
        return out;
    }

    @Override
    public String toString() {
        return "seasonal naive (period " + period + ")";
    }
}
