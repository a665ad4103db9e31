/**
 * From model metrics to business value: calibration ({@link org.deepbrew.business.Reliability},
 * {@link org.deepbrew.business.TemperatureScaling}), decisions priced by a payoff matrix
 * ({@link org.deepbrew.business.Payoff}, {@link org.deepbrew.business.ProfitCurve}), targeting
 * ({@link org.deepbrew.business.GainChart}), online experiments
 * ({@link org.deepbrew.business.TwoProportionTest}, {@link org.deepbrew.business.PowerAnalysis},
 * {@link org.deepbrew.business.PeekingSimulation}, {@link org.deepbrew.business.Bootstrap}) and what a
 * model costs to run and train ({@link org.deepbrew.business.ModelCost}).
 */
package org.deepbrew.business;
