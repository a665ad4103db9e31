package org.deepbrew.recsys;

import java.util.List;

/**
 * Recommends what most users interacted with: an item's score is its number of interactions in the
 * training sequences, the same for everyone. The floor every personalised model must clear; on
 * MovieLens it is a strong one, because popular films are what most people rate next.
 */
public final class PopularityRecommender implements Recommender {
    private final float[] counts;

    private PopularityRecommender(float[] counts) {
        this.counts = counts;
    }

    /** Counts the items of {@code training} (repeats count each time). */
    public static PopularityRecommender fit(List<int[]> training, int itemCount) {
        TrainingData.check(training, itemCount);
        float[] counts = new float[itemCount + 1];
        for (int[] s : training) {
            for (int item : s) {
                counts[item]++;
            }
        }
        return new PopularityRecommender(counts);
    }

    /** How often item {@code item} occurs in the training data. */
    public int count(int item) {
        return (int) counts[item];
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public int itemCount() {
        return counts.length - 1;
    }

    @Override
    public float[] score(int[] history) {
        return counts.clone();
    }
}
