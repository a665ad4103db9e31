/** Simple baselines that tell whether a neural model is worth its cost. */
package org.deepbrew.nlp.baseline;
