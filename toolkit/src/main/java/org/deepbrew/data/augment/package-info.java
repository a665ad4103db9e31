/**
 * Label-preserving random changes to batches of images: {@link org.deepbrew.data.augment.Augmentation}
 * (composable with {@code then}, seeded) and the ready-made ones in
 * {@link org.deepbrew.data.augment.Augmentations}. Give one to
 * {@code InMemoryDataset.builder().augment(...)}.
 */
package org.deepbrew.data.augment;
