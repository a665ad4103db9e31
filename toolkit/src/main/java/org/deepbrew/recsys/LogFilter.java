package org.deepbrew.recsys;

import java.util.HashMap;
import java.util.Map;

/**
 * Which interactions of a log to keep: a rating threshold for implicit feedback, then a minimum
 * number of interactions per item and per user. Immutable; each setter returns a new filter.
 *
 * <p><b>Ratings.</b> By default every rating counts as an interaction, whatever its value. The task
 * here is to predict the next item a user turns to, and a user who rated a film 2 stars still
 * watched it: dropping low ratings would punch holes in the time order the sequence models learn
 * from and shrink a small data set further. This is also how the sequential-recommendation
 * literature (SASRec, BERT4Rec) turns MovieLens into implicit feedback. {@link #minRating(double)}
 * gives the other reading, "liked" items only (for MovieLens' half-star scale, 3.5 or 4 are the
 * usual cut-offs).
 *
 * <p><b>Counts.</b> The rating threshold is applied once. Then items with fewer than
 * {@link #minItemInteractions(int)} interactions and users with fewer than
 * {@link #minUserInteractions(int)} are dropped, and both are repeated until neither removes
 * anything: dropping a rare item can push a user under the minimum and dropping a user can push an
 * item under it, so one pass does not guarantee either bound. The result is the largest sub-log
 * meeting both bounds (the "k-core"); it may be empty.
 */
public final class LogFilter {
    private final double minRating;
    private final int minItem;
    private final int minUser;

    private LogFilter(double minRating, int minItem, int minUser) {
        this.minRating = minRating;
        this.minItem = minItem;
        this.minUser = minUser;
    }

    /** Keeps everything: any rating, items and users with at least one interaction. */
    public static LogFilter keepAll() {
        return new LogFilter(Double.NEGATIVE_INFINITY, 1, 1);
    }

    /** Keeps only rows rated at least {@code threshold}; the log must have ratings. */
    public LogFilter minRating(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("rating threshold is NaN");
        }
        return new LogFilter(threshold, minItem, minUser);
    }

    /** Drops items with fewer than {@code count} interactions (at least 1). */
    public LogFilter minItemInteractions(int count) {
        return new LogFilter(minRating, positive(count, "item"), minUser);
    }

    /** Drops users with fewer than {@code count} interactions (at least 1). */
    public LogFilter minUserInteractions(int count) {
        return new LogFilter(minRating, minItem, positive(count, "user"));
    }

    private static int positive(int count, String what) {
        if (count < 1) {
            throw new IllegalArgumentException("minimum interactions per " + what + " must be at least 1, got "
                    + count);
        }
        return count;
    }

    /** The rating threshold ({@code -Infinity} when every rating is kept). */
    public double minRating() {
        return minRating;
    }

    /** The minimum number of interactions per item. */
    public int minItemInteractions() {
        return minItem;
    }

    /** The minimum number of interactions per user. */
    public int minUserInteractions() {
        return minUser;
    }

    /** The sub-log this filter keeps, rows in their original order. */
    public InteractionLog apply(InteractionLog log) {
        int n = log.size();
        boolean[] keep = new boolean[n];
        boolean byRating = minRating != Double.NEGATIVE_INFINITY;
        if (byRating && !log.hasRatings()) {
            throw new IllegalStateException("a rating threshold of " + minRating + " needs a log with ratings");
        }
        for (int i = 0; i < n; i++) {
            keep[i] = !byRating || log.rating(i) >= minRating;
        }
        boolean changed = true;
        while (changed) {
            changed = dropRare(log, keep, true, minItem);
            changed |= dropRare(log, keep, false, minUser);
        }
        return log.select(keep);
    }

    /** Unmarks rows whose item (or user) has fewer than {@code min} kept rows; true if any was unmarked. */
    private static boolean dropRare(InteractionLog log, boolean[] keep, boolean byItem, int min) {
        if (min <= 1) {
            return false;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                counts.merge(byItem ? log.item(i) : log.user(i), 1, Integer::sum);
            }
        }
        boolean changed = false;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] && counts.get(byItem ? log.item(i) : log.user(i)) < min) {
                keep[i] = false;
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public String toString() {
        return "LogFilter[minRating=" + minRating + ", minItemInteractions=" + minItem + ", minUserInteractions="
                + minUser + "]";
    }
}
