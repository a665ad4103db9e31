package org.deepbrew.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpForecasterTest {
    /** A rhythm of period 12 plus noise around a level of 50. */
    private static double[] seasonal(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int t = 0; t < n; t++) {
            s[t] = 50 + 10 * Math.sin(2 * Math.PI * t / 12) + r.nextGaussian();
        }
        return s;
    }

    @Test
    void learnsARhythmTheNaiveForecastCannotSee() {
        double[] series = seasonal(600, 1);
        int testStart = 500;
        double[] train = Arrays.copyOf(series, testStart);
        try (MlpForecaster mlp = MlpForecaster.builder().window(24).horizon(3).epochs(40).fit(train)) {
            ForecastErrors model = Backtest.walkForward(mlp, series, testStart, 3).errors();
            ForecastErrors naive = Backtest.walkForward(new NaiveForecast(), series, testStart, 3).errors();
            // Three steps ahead the naive forecast misses by about 10 on a sine of amplitude 10;
            // the noise alone (sd 1) gives a mean absolute error of 0.8.
            assertTrue(naive.mae() > 6, "naive " + naive);
            assertTrue(model.mae() < 1.5, "mlp " + model);
            assertTrue(model.maeSkillOver(naive) > 0.7);
            assertEquals(40, mlp.history().epochs().size());
            assertTrue(mlp.history().epochs().get(39).trainLoss() < mlp.history().epochs().get(0).trainLoss());
        }
    }

    @Test
    void withoutAHiddenLayerItIsALinearAutoregression() {
        // x_t = 0.8 x_{t-1} + noise: the best linear forecast one step ahead is 0.8 x_{t-1}.
        Random r = new Random(3);
        double[] s = new double[2000];
        for (int t = 1; t < s.length; t++) {
            s[t] = 0.8 * s[t - 1] + r.nextGaussian();
        }
        try (MlpForecaster ar = MlpForecaster.builder().window(2).hidden(0).epochs(20).fit(Arrays.copyOf(s, 1500))) {
            assertTrue(ar.toString().startsWith("linear autoregression"));
            double[] probe = {0, 5};
            assertEquals(4.0, ar.forecast(probe, 1)[0], 0.3);
            ForecastErrors model = Backtest.walkForward(ar, s, 1500, 1).errors();
            ForecastErrors naive = Backtest.walkForward(new NaiveForecast(), s, 1500, 1).errors();
            assertTrue(model.mae() < naive.mae(), model + " vs naive " + naive);
        }
        assertThrows(IllegalArgumentException.class, () -> MlpForecaster.builder().hidden(-1));
    }

    @Test
    void forecastsUpToItsHorizonFromTheLastWindow() {
        double[] series = seasonal(200, 2);
        try (MlpForecaster mlp = MlpForecaster.builder().window(12).horizon(4).epochs(2).fit(series)) {
            assertEquals(4, mlp.forecast(series, 4).length);
            assertEquals(2, mlp.forecast(series, 2).length);
            // Only the last window counts.
            double[] longer = new double[300];
            System.arraycopy(series, 0, longer, 100, 200);
            assertEquals(mlp.forecast(series, 4)[3], mlp.forecast(longer, 4)[3], 1e-9);
            assertThrows(IllegalArgumentException.class, () -> mlp.forecast(series, 5));
            assertThrows(IllegalArgumentException.class, () -> mlp.forecast(Arrays.copyOf(series, 11), 1));
        }
        assertThrows(IllegalArgumentException.class, () -> MlpForecaster.builder().window(10).horizon(5)
                .fit(new double[15]));
    }
}
