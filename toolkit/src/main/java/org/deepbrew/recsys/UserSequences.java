package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each user's items in time order, as dense ids of one {@link ItemCatalogue}. Users are indexed
 * {@code 0..userCount()-1} in ascending order of their raw ids. Built by
 * {@link InteractionLog#toSequences()}, which states the tie-break for equal timestamps.
 */
public final class UserSequences {
    private final int[] userIds;
    private final int[][] items;
    private final long[][] timestamps;
    private final ItemCatalogue catalogue;

    UserSequences(int[] userIds, int[][] items, long[][] timestamps, ItemCatalogue catalogue) {
        this.userIds = userIds;
        this.items = items;
        this.timestamps = timestamps;
        this.catalogue = catalogue;
    }

    /** Number of users. */
    public int userCount() {
        return userIds.length;
    }

    /** Number of items in the catalogue. */
    public int itemCount() {
        return catalogue.size();
    }

    /** The catalogue that maps dense item ids back to raw ones. */
    public ItemCatalogue catalogue() {
        return catalogue;
    }

    /** Raw id of user {@code user} (an index {@code 0..userCount()-1}). */
    public int userId(int user) {
        return userIds[user];
    }

    /** The index of the user with raw id {@code rawUserId}. */
    public int userIndex(int rawUserId) {
        int k = Arrays.binarySearch(userIds, rawUserId);
        if (k < 0) {
            throw new IllegalArgumentException("user " + rawUserId + " is not in these sequences");
        }
        return k;
    }

    /** User {@code user}'s dense item ids, oldest first (a copy). */
    public int[] items(int user) {
        return items[user].clone();
    }

    /** The timestamps that go with {@link #items(int)} (a copy). */
    public long[] timestamps(int user) {
        return timestamps[user].clone();
    }

    /** How many interactions user {@code user} has. */
    public int length(int user) {
        return items[user].length;
    }

    /** Total number of interactions. */
    public int interactionCount() {
        int n = 0;
        for (int[] s : items) {
            n += s.length;
        }
        return n;
    }

    /** All sequences, index = user (copies). */
    public List<int[]> all() {
        List<int[]> out = new ArrayList<>(items.length);
        for (int[] s : items) {
            out.add(s.clone());
        }
        return out;
    }
}
