package org.deepbrew.data.movielens;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One MovieLens release as two tables, the same shape whichever release it came from.
 *
 * <ul>
 *   <li>{@link #ratings()}: {@code userId} (int), {@code movieId} (int), {@code rating} (double),
 *       {@code timestamp} (long, Unix seconds), one row per rating, in the order of the source file.
 *   <li>{@link #movies()}: {@code movieId} (int), {@code title} (string, without the year),
 *       {@code year} (int, missing when the source gives none), {@code genres} (string, genre names
 *       joined by {@code |}), one row per movie, sorted by {@code movieId}.
 * </ul>
 *
 * @param ratings the ratings table
 * @param movies the movies table
 */
public record MovieLensData(Table ratings, Table movies) {
    /** Column names of {@link #ratings()}. */
    public static final String USER = "userId", MOVIE = "movieId", RATING = "rating", TIMESTAMP = "timestamp";
    /** Column names of {@link #movies()} besides {@link #MOVIE}. */
    public static final String TITLE = "title", YEAR = "year", GENRES = "genres";

    /** The two tables; both must be given. */
    public MovieLensData {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(movies, "movies");
    }

    /** The number of distinct users who rated. */
    public int userCount() {
        return ratings.intColumn(USER).countUnique();
    }

    /** The number of distinct movies rated. */
    public int movieCount() {
        return ratings.intColumn(MOVIE).countUnique();
    }

    /** Each movie's title by its id, for showing recommendations by name. */
    public Map<Integer, String> titles() {
        IntColumn ids = movies.intColumn(MOVIE);
        StringColumn titles = movies.stringColumn(TITLE);
        Map<Integer, String> out = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.getInt(i), titles.get(i));
        }
        return Collections.unmodifiableMap(out);
    }
}
