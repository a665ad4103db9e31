/**
 * Forecasting a time series and the baselines every forecast must beat: "same as last"
 * ({@link org.deepbrew.forecast.NaiveForecast}) and "same as one season ago"
 * ({@link org.deepbrew.forecast.SeasonalNaive}), scored by walking forward through a test period
 * ({@link org.deepbrew.forecast.Backtest}) with MAE, RMSE and MAPE
 * ({@link org.deepbrew.forecast.ForecastErrors}); a learned forecaster to hold against them,
 * a network on the last values of the series ({@link org.deepbrew.forecast.MlpForecaster}).
 */
package org.deepbrew.forecast;
