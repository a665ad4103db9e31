package org.deepbrew.data.augment;

import ai.djl.ndarray.NDArray;

/**
 * A random change to a batch of images (N, C, H, W) that keeps every label true: a shift, a
 * mirror, a slight turn. Each one carries its own seeded generator, so a run can be repeated, and
 * each call draws anew, so every epoch shows the network new variants.
 *
 * <pre>{@code
 * Augmentation aug = Augmentations.flipAndShift(2, 1).then(Augmentations.rotation(10, 2));
 * InMemoryDataset train = InMemoryDataset.builder().augment(aug).from(FashionMnist.train());
 * }</pre>
 *
 * @see Augmentations for the ready-made ones
 */
@FunctionalInterface
public interface Augmentation {
    /**
     * Returns the augmented batch, a new array on {@code batch}'s manager (or {@code batch} itself
     * when this call happens to change nothing).
     */
    NDArray apply(NDArray batch);

    /** This augmentation, then {@code next}. */
    default Augmentation then(Augmentation next) {
        Augmentation first = this;
        return new Augmentation() {
            @Override
            public NDArray apply(NDArray batch) {
                return next.apply(first.apply(batch));
            }

            @Override
            public String toString() {
                return first + " → " + next;
            }
        };
    }
}
