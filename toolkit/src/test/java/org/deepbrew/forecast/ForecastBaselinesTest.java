package org.deepbrew.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastBaselinesTest {
    @Test
    void naiveRepeatsTheLastValue() {
        assertArrayEquals(new double[] {5, 5, 5}, new NaiveForecast().forecast(new double[] {1, 2, 5}, 3), 0);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 2, 3, 10, 20, 30};
        assertArrayEquals(new double[] {10, 20, 30, 10}, new SeasonalNaive(3).forecast(y, 4), 0);
        assertArrayEquals(new double[] {30, 30}, new SeasonalNaive(1).forecast(y, 2), 0);
    }

    @Test
    void errorsByHand() {
        // misses 3, 4, 5 on actuals 7, 11, 16
        ForecastErrors e = ForecastErrors.of(new double[] {7, 11, 16}, new double[] {4, 7, 11});
        assertEquals(4, e.mae(), 1e-12);
        assertEquals(Math.sqrt(50.0 / 3), e.rmse(), 1e-12);
        assertEquals(100 * (3.0 / 7 + 4.0 / 11 + 5.0 / 16) / 3, e.mape(), 1e-12);
        assertTrue(Double.isNaN(ForecastErrors.of(new double[] {0, 1}, new double[] {1, 1}).mape()));
        ForecastErrors better = ForecastErrors.of(new double[] {7, 11, 16}, new double[] {6, 10, 15});
        assertEquals(0.75, better.maeSkillOver(e), 1e-12);
    }

    @Test
    void walkForwardOneStepByHand() {
        double[] y = {1, 2, 4, 7, 11, 16};
        Backtest naive = Backtest.walkForward(new NaiveForecast(), y, 3, 1);
        assertArrayEquals(new double[] {7, 11, 16}, naive.actual(), 0);
        assertArrayEquals(new double[] {4, 7, 11}, naive.forecasts(), 0);
        assertEquals(4, naive.errors().mae(), 1e-12);
        assertEquals(2, naive.plot().getSeriesMap().size());
    }

    @Test
    void walkForwardTwoStepsAheadUsesOnlyOlderValues() {
        double[] y = {1, 2, 4, 7, 11, 16};
        // Forecast of y[t] is made from y[0..t-2]: the naive value is y[t-2].
        Backtest naive = Backtest.walkForward(new NaiveForecast(), y, 3, 2);
        assertArrayEquals(new double[] {2, 4, 7}, naive.forecasts(), 0);
        // Seasonal period 2, two steps ahead from origin o = t-1: value y[o - 2 + 1] = y[t-2].
        Backtest seasonal = Backtest.walkForward(new SeasonalNaive(2), y, 3, 2);
        assertArrayEquals(new double[] {2, 4, 7}, seasonal.forecasts(), 0);
    }

    @Test
    void seasonalBeatsNaiveOnAWeeklyPattern() {
        // A pure weekly pattern: seasonal naive is exact once a week is known, naive is not.
        double[] week = {5, 6, 7, 6, 5, 1, 1};
        double[] y = new double[70];
        for (int i = 0; i < y.length; i++) {
            y[i] = week[i % 7] + 0.01 * i;
        }
        ForecastErrors seasonal = Backtest.walkForward(new SeasonalNaive(7), y, 28, 1).errors();
        ForecastErrors naive = Backtest.walkForward(new NaiveForecast(), y, 28, 1).errors();
        assertEquals(0.07, seasonal.mae(), 1e-9); // the trend adds 0.01 per step, 7 steps a week
        // naive misses |week[i] - week[i-1] + 0.01| per step: 1.01, 1.01, 0.99, 0.99, 3.99, 0.01, 4.01
        assertEquals((1.01 + 1.01 + 0.99 + 0.99 + 3.99 + 0.01 + 4.01) / 7, naive.mae(), 1e-9);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeasonalNaive(7).forecast(new double[] {1, 2, 3}, 1));
        assertTrue(e.getMessage().contains("needs at least 7 past values, got 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeasonalNaive(0));
        assertThrows(IllegalArgumentException.class, () -> new NaiveForecast().forecast(new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new NaiveForecast().forecast(new double[] {1}, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> Backtest.walkForward(new NaiveForecast(), new double[] {1, 2, 3}, 3, 1));
        assertTrue(e.getMessage().contains("test period"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ForecastErrors.of(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("1 forecasts for 2 actual values"), e.getMessage());
    }
}
