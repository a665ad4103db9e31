/**
 * Data: {@link org.deepbrew.data.InMemoryDataset}, the one data set to train on, built from
 * images ({@code vision}), a table ({@code table}), arrays or any DJL data set, and augmented per
 * batch ({@code augment}); plus the registry and cache that fetch named data sets offline and
 * check their files ({@link org.deepbrew.data.DatasetResolver}), and preprocessing ({@code prep}).
 */
package org.deepbrew.data;
