/**
 * Explaining a fitted model from the outside: which features it relies on
 * ({@link org.deepbrew.explain.PermutationImportance}), how its prediction moves with one feature
 * ({@link org.deepbrew.explain.PartialDependence}) and whether it serves every group equally well
 * ({@link org.deepbrew.explain.FairnessReport}). Any model works that maps a feature matrix or a
 * Tablesaw table to scores ({@link org.deepbrew.explain.ScoreFunction}).
 */
package org.deepbrew.explain;
