/**
 * MovieLens ratings as Tablesaw tables: the offline "latest-small" release (read from R's lazy-load
 * database through {@link org.deepbrew.data.rdata}) and the canonical 100K and 1M files, all in one
 * shape ({@link org.deepbrew.data.movielens.MovieLensData}).
 */
package org.deepbrew.data.movielens;
