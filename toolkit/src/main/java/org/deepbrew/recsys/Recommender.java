package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores every item of a catalogue for one user, given what the user did before.
 *
 * <p>Items are dense ids {@code 1..itemCount}; id 0 is padding and never recommended, so a score
 * array has {@code itemCount + 1} entries and entry 0 is ignored. A history lists the user's items
 * oldest first. Every model in this package, from the popularity baseline to the sequence models,
 * implements this one interface, so one evaluation ranks them all on the same full catalogue.
 */
public interface Recommender {

    /** A short name for tables and plots, such as {@code "popularity"} or {@code "lstm"}. */
    String name();

    /** The catalogue's size: scores cover item ids {@code 1..itemCount()}. */
    int itemCount();

    /** Scores for every item (index = item id, index 0 unused); higher means recommend sooner. */
    float[] score(int[] history);

    /** Scores for several users at once; models that batch on an engine override this. */
    default List<float[]> score(List<int[]> histories) {
        List<float[]> out = new ArrayList<>(histories.size());
        for (int[] h : histories) {
            out.add(score(h));
        }
        return out;
    }
}
