/**
 * Explaining a fitted model from the outside: which features it relies on
 * ({@link org.deepbrew.explain.PermutationImportance}), how its prediction moves with one feature
 * ({@link org.deepbrew.explain.PartialDependence}) and whether it serves every group equally well
 * ({@link org.deepbrew.explain.FairnessReport}), and, for images, where in the picture its evidence
 * lies ({@link org.deepbrew.explain.Occlusion}). Any model works that maps a feature matrix, a
 * Tablesaw table or a batch of images to scores ({@link org.deepbrew.explain.ScoreFunction});
 * {@link org.deepbrew.explain.ModelScores} makes one of a trained DJL classifier.
 */
package org.deepbrew.explain;
