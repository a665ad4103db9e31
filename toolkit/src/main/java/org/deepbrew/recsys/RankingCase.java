package org.deepbrew.recsys;

/**
 * One question for a recommender: given what user {@code user} did ({@code history}, oldest first),
 * where does it rank the item the user turned to next ({@code target})?
 *
 * <p>The history is also the set of items the user has already seen, which an evaluation may
 * exclude from the ranking (the target itself is never excluded, even when it is a repeat).
 *
 * @param user    the user's index in the {@link UserSequences} the case came from
 * @param history dense item ids, oldest first; not copied, so do not change it
 * @param target  the held-out dense item id ({@code >= 1})
 */
public record RankingCase(int user, int[] history, int target) {

    /** Checks the ids. */
    public RankingCase {
        if (target < 1) {
            throw new IllegalArgumentException("target item id must be at least 1 (0 is padding), got " + target);
        }
        if (history == null) {
            throw new IllegalArgumentException("history is null; use an empty array for a user with none");
        }
    }
}
