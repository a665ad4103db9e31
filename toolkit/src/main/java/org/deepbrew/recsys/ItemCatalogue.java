package org.deepbrew.recsys;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Arrays;

/**
 * The items of a log, numbered densely: raw ids in ascending order get dense ids {@code 1..size()},
 * and 0 stays free for padding, as {@link Recommender} expects. Numbering by raw id (not by first
 * appearance) makes the ids depend only on which items are present, not on the row order.
 */
public final class ItemCatalogue {
    private final int[] rawIds; // sorted; rawIds[d - 1] is the raw id of dense id d

    private ItemCatalogue(int[] sortedDistinctRawIds) {
        this.rawIds = sortedDistinctRawIds;
    }

    /** The catalogue of the distinct ids in {@code rawItemIds} (any order, repeats allowed). */
    public static ItemCatalogue of(int[] rawItemIds) {
        return new ItemCatalogue(Arrays.stream(rawItemIds).distinct().sorted().toArray());
    }

    /** Number of items; dense ids run {@code 1..size()}. */
    public int size() {
        return rawIds.length;
    }

    /** Whether raw id {@code rawId} is in the catalogue. */
    public boolean contains(int rawId) {
        return Arrays.binarySearch(rawIds, rawId) >= 0;
    }

    /** The dense id of raw id {@code rawId}. */
    public int denseId(int rawId) {
        int k = Arrays.binarySearch(rawIds, rawId);
        if (k < 0) {
            throw new IllegalArgumentException("item " + rawId + " is not in the catalogue of " + size() + " items");
        }
        return k + 1;
    }

    /** The raw id of dense id {@code denseId} ({@code 1..size()}). */
    public int rawId(int denseId) {
        if (denseId < 1 || denseId > size()) {
            throw new IllegalArgumentException("dense item id " + denseId + " is outside 1.." + size());
        }
        return rawIds[denseId - 1];
    }

    /**
     * A label per dense id, such as movie titles, read from a table of raw ids and labels: entry
     * {@code d} labels dense id {@code d}, entry 0 is {@code "<pad>"}, and an item the table does not
     * list is labelled {@code "item <raw id>"}.
     */
    public String[] labels(Table items, String idColumn, String labelColumn) {
        Column<?> ids = items.column(idColumn);
        if (!(ids instanceof NumericColumn<?> numericIds)) {
            throw new IllegalArgumentException("id column \"" + idColumn + "\" is " + ids.type() + ", not numeric");
        }
        Column<?> names = items.column(labelColumn);
        String[] out = new String[size() + 1];
        out[0] = "<pad>";
        for (int d = 1; d <= size(); d++) {
            out[d] = "item " + rawIds[d - 1];
        }
        for (int row = 0; row < items.rowCount(); row++) {
            if (numericIds.isMissing(row)) {
                continue;
            }
            double raw = numericIds.getDouble(row);
            int k = raw == Math.rint(raw) ? Arrays.binarySearch(rawIds, (int) raw) : -1;
            if (k >= 0) {
                out[k + 1] = names.getString(row);
            }
        }
        return out;
    }
}
