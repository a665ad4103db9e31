package org.deepbrew.recsys;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * What users did, one row per interaction: raw user id, raw item id, timestamp and, optionally, a
 * rating. Rows keep the order they came in; that order is the tie-break when a user has several
 * interactions with the same timestamp (see {@link #toSequences()}).
 *
 * <p>A log is immutable. {@link #filter(LogFilter)} returns a smaller log, and {@link #toSequences()}
 * turns it into per-user item sequences with dense item ids.
 */
public final class InteractionLog {
    private final int[] users;
    private final int[] items;
    private final long[] timestamps;
    private final double[] ratings; // null when the log has none

    private InteractionLog(int[] users, int[] items, long[] timestamps, double[] ratings) {
        this.users = users;
        this.items = items;
        this.timestamps = timestamps;
        this.ratings = ratings;
    }

    /** A log without ratings from parallel arrays (copied); row {@code i} is {@code (users[i], items[i], timestamps[i])}. */
    public static InteractionLog of(int[] users, int[] items, long[] timestamps) {
        return of(users, items, timestamps, null);
    }

    /** As {@link #of(int[], int[], long[])} with one rating per row; {@code ratings} may be null. */
    public static InteractionLog of(int[] users, int[] items, long[] timestamps, double[] ratings) {
        int n = users.length;
        if (items.length != n || timestamps.length != n || (ratings != null && ratings.length != n)) {
            throw new IllegalArgumentException("parallel arrays differ in length: users " + n + ", items "
                    + items.length + ", timestamps " + timestamps.length
                    + (ratings == null ? "" : ", ratings " + ratings.length));
        }
        if (ratings != null) {
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(ratings[i])) {
                    throw new IllegalArgumentException("rating of row " + i + " is missing (NaN)");
                }
            }
        }
        return new InteractionLog(users.clone(), items.clone(), timestamps.clone(),
                ratings == null ? null : ratings.clone());
    }

    /** A log without ratings from three numeric columns of {@code table}. */
    public static InteractionLog fromTable(Table table, String userColumn, String itemColumn, String timeColumn) {
        return fromTable(table, userColumn, itemColumn, timeColumn, null);
    }

    /**
     * A log from numeric columns of {@code table}: integral user and item ids, an integral timestamp
     * (any unit; only its order matters) and, unless {@code ratingColumn} is null, a rating.
     *
     * @throws IllegalArgumentException naming the column and row of a missing, non-numeric or
     *                                  non-integral value
     */
    public static InteractionLog fromTable(Table table, String userColumn, String itemColumn, String timeColumn,
                                           String ratingColumn) {
        int n = table.rowCount();
        NumericColumn<?> u = numeric(table, userColumn);
        NumericColumn<?> it = numeric(table, itemColumn);
        NumericColumn<?> t = numeric(table, timeColumn);
        NumericColumn<?> r = ratingColumn == null ? null : numeric(table, ratingColumn);
        int[] users = new int[n];
        int[] items = new int[n];
        long[] times = new long[n];
        double[] ratings = r == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            users[i] = Math.toIntExact(integral(u, i));
            items[i] = Math.toIntExact(integral(it, i));
            times[i] = integral(t, i);
            if (r != null) {
                ratings[i] = value(r, i);
            }
        }
        return new InteractionLog(users, items, times, ratings);
    }

    /**
     * A MovieLens ratings table with its usual columns {@code userId}, {@code movieId},
     * {@code timestamp} and {@code rating}.
     */
    public static InteractionLog fromMovieLens(Table ratings) {
        return fromTable(ratings, "userId", "movieId", "timestamp", "rating");
    }

    private static NumericColumn<?> numeric(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("no column \"" + name + "\" in " + table.name()
                    + "; its columns are " + table.columnNames());
        }
        Column<?> c = table.column(name);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException("column \"" + name + "\" is " + c.type() + ", not numeric");
        }
        return n;
    }

    private static double value(NumericColumn<?> c, int row) {
        if (c.isMissing(row)) {
            throw new IllegalArgumentException("column \"" + c.name() + "\" has a missing value in row " + row);
        }
        return c.getDouble(row);
    }

    private static long integral(NumericColumn<?> c, int row) {
        double v = value(c, row);
        if (v != Math.rint(v) || Math.abs(v) > (1L << 53)) {
            throw new IllegalArgumentException("column \"" + c.name() + "\" row " + row + " holds " + v
                    + ", not a whole number");
        }
        return (long) v;
    }

    /** Number of interactions (rows). */
    public int size() {
        return users.length;
    }

    /** Raw user id of row {@code row}. */
    public int user(int row) {
        return users[row];
    }

    /** Raw item id of row {@code row}. */
    public int item(int row) {
        return items[row];
    }

    /** Timestamp of row {@code row}. */
    public long timestamp(int row) {
        return timestamps[row];
    }

    /** Whether rows carry ratings. */
    public boolean hasRatings() {
        return ratings != null;
    }

    /** Rating of row {@code row}; only for a log with ratings. */
    public double rating(int row) {
        if (ratings == null) {
            throw new IllegalStateException("this log has no ratings");
        }
        return ratings[row];
    }

    /** Number of distinct users. */
    public int userCount() {
        return (int) Arrays.stream(users).distinct().count();
    }

    /** Number of distinct items. */
    public int itemCount() {
        return (int) Arrays.stream(items).distinct().count();
    }

    /** The log with only the rows {@code filter} keeps; see {@link LogFilter} for the order of its steps. */
    public InteractionLog filter(LogFilter filter) {
        return filter.apply(this);
    }

    /** The rows {@code keep} marks, in their original order. */
    InteractionLog select(boolean[] keep) {
        int[] rows = IntStream.range(0, size()).filter(i -> keep[i]).toArray();
        int[] u = new int[rows.length];
        int[] it = new int[rows.length];
        long[] t = new long[rows.length];
        double[] r = ratings == null ? null : new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            u[k] = users[rows[k]];
            it[k] = items[rows[k]];
            t[k] = timestamps[rows[k]];
            if (r != null) {
                r[k] = ratings[rows[k]];
            }
        }
        return new InteractionLog(u, it, t, r);
    }

    /**
     * Per-user sequences in time order, items renumbered densely by an {@link ItemCatalogue} of this
     * log's items.
     *
     * <p>Equal timestamps keep the rows' original order (a stable sort). The row order is the only
     * order the source gives beyond the clock, and it keeps the result independent of item ids:
     * sorting ties by item id would plant an artificial pattern (a user's simultaneous items always
     * ascending) that a sequence model could learn and that says nothing about users. Callers who
     * want another rule sort the table first. Repeated (user, item) rows stay as repeats.
     */
    public UserSequences toSequences() {
        if (size() == 0) {
            throw new IllegalStateException("the log is empty: nothing to turn into sequences");
        }
        ItemCatalogue catalogue = ItemCatalogue.of(items);
        Integer[] order = new Integer[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Arrays.sort on objects is stable, so rows tied on (user, time) stay in row order.
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> users[i]).thenComparingLong(i -> timestamps[i]));
        int userCount = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || users[order[k]] != users[order[k - 1]]) {
                userCount++;
            }
        }
        int[] userIds = new int[userCount];
        int[][] seqs = new int[userCount][];
        long[][] times = new long[userCount][];
        int start = 0;
        for (int u = 0; u < userCount; u++) {
            int end = start;
            while (end < order.length && users[order[end]] == users[order[start]]) {
                end++;
            }
            userIds[u] = users[order[start]];
            seqs[u] = new int[end - start];
            times[u] = new long[end - start];
            for (int k = start; k < end; k++) {
                seqs[u][k - start] = catalogue.denseId(items[order[k]]);
                times[u][k - start] = timestamps[order[k]];
            }
            start = end;
        }
        return new UserSequences(userIds, seqs, times, catalogue);
    }
}
