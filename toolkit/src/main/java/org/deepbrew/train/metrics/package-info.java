/**
 * Classification metrics on plain Java arrays: confusion matrix with per-class, macro and micro
 * precision, recall and F1; ROC curve and AUC for binary scores; top-k accuracy. No engine needed,
 * so they are exact and testable by hand.
 */
package org.deepbrew.train.metrics;
