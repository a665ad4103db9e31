package org.deepbrew.data.movielens;

import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.rdata.RDataFrames;
import org.deepbrew.data.rdata.RLazyLoad;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.deepbrew.data.movielens.MovieLensData.GENRES;
import static org.deepbrew.data.movielens.MovieLensData.MOVIE;
import static org.deepbrew.data.movielens.MovieLensData.RATING;
import static org.deepbrew.data.movielens.MovieLensData.TIMESTAMP;
import static org.deepbrew.data.movielens.MovieLensData.TITLE;
import static org.deepbrew.data.movielens.MovieLensData.USER;
import static org.deepbrew.data.movielens.MovieLensData.YEAR;

/**
 * MovieLens ratings (Harper and Konstan, 2015) as {@link MovieLensData}: a ratings table and a
 * movies table of the same shape for every release.
 *
 * <ul>
 *   <li>{@link #small()}: "latest-small", offline. 100,004 ratings (0.5 to 5 in half stars, mean
 *       3.54) by 671 users (ids 1 to 671) of 9,066 movies, rated from 9 January 1995 to 16 October
 *       2016, read from the {@code movielens} data.frame in the lazy-load database of Debian's
 *       {@code r-cran-dslabs} ({@link RLazyLoad}). Five movies have neither title nor year there
 *       (NA in the source; missing here); 17 have the genre "(no genres listed)".
 *   <li>{@link #ml100k()}: the canonical 100K release (943 users, 1,682 movies, ratings 1 to 5);
 *       {@code u.data} is tab-separated user, item, rating, timestamp and {@code u.item} is
 *       pipe-separated, ISO-8859-1, with the year in the title and 19 genre flags. Needs a network.
 *   <li>{@link #read1m(Path)}: the 1M release's {@code ratings.dat} and {@code movies.dat},
 *       {@code ::}-separated, ISO-8859-1.
 * </ul>
 *
 * <p>Two facts matter to anyone building sequences from these logs. The rows are <em>not</em> in
 * time order: latest-small is sorted by user, then movie id (within a user the timestamp goes
 * backwards 48,579 times), so sort by timestamp yourself. And timestamps tie often, because raters
 * enter many ratings in one sitting and the clock counts whole seconds: in latest-small 31,945 of
 * the 100,004 ratings (32%) share their (user, timestamp) with another rating, in 78,159 distinct
 * (user, timestamp) pairs, the largest holding 87 ratings. Any time order needs a stated tie-break.
 */
public final class MovieLens {
    /** Manifest name of latest-small. */
    public static final String SMALL = "movielens-small";
    /** Manifest name of the 100K release. */
    public static final String ML_100K = "movielens-100k";

    /** The genres of {@code u.item}'s 19 flags, in column order, when there is no {@code u.genre}. */
    static final List<String> GENRES_100K = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)\\s*$");
    private static final String R_OBJECT = "movielens";

    private MovieLens() {}

    /** Latest-small from the data cache (fetched from Debian's r-cran-dslabs when missing). */
    public static MovieLensData small() {
        return small(DatasetResolver.standard());
    }

    /** As {@link #small()}, resolving the files through {@code resolver}. */
    public static MovieLensData small(DatasetResolver resolver) {
        return load(resolver, SMALL, MovieLens::readSmall);
    }

    /** The 100K release from the data cache (downloaded when missing; needs a network). */
    public static MovieLensData ml100k() {
        return ml100k(DatasetResolver.standard());
    }

    /** As {@link #ml100k()}, resolving the files through {@code resolver}. */
    public static MovieLensData ml100k(DatasetResolver resolver) {
        return load(resolver, ML_100K, MovieLens::read100k);
    }

    /** Reads a release from the folder of its files. */
    private interface ReleaseReader {
        MovieLensData read(Path dir) throws IOException;
    }

    private static MovieLensData load(DatasetResolver resolver, String name, ReleaseReader reader) {
        try {
            return reader.read(resolver.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads latest-small from the dslabs lazy-load database in {@code dir} (or the {@code .rdb} file):
     * its data.frame has one row per rating with the movie's title, year and genres (a factor)
     * repeated; the movies table keeps one row per movie.
     *
     * @throws IOException if the files cannot be read, lack a column, or disagree about a movie
     */
    public static MovieLensData readSmall(Path dir) throws IOException {
        Table frame = RDataFrames.toTable(RLazyLoad.open(dir).read(R_OBJECT), R_OBJECT);
        for (String c : List.of(USER, MOVIE, RATING, TIMESTAMP, TITLE, YEAR, GENRES)) {
            if (!frame.containsColumn(c)) {
                throw new IOException(dir + ": object '" + R_OBJECT + "' has no column '" + c + "', only "
                        + frame.columnNames());
            }
        }
        NumericColumn<?> users = frame.numberColumn(USER);
        NumericColumn<?> items = frame.numberColumn(MOVIE);
        NumericColumn<?> ratings = frame.numberColumn(RATING);
        NumericColumn<?> times = frame.numberColumn(TIMESTAMP);
        NumericColumn<?> years = frame.numberColumn(YEAR);
        StringColumn titles = frame.stringColumn(TITLE);
        StringColumn genres = frame.stringColumn(GENRES);
        Ratings out = new Ratings();
        Movies movies = new Movies();
        for (int i = 0; i < frame.rowCount(); i++) {
            if (users.isMissing(i) || items.isMissing(i) || ratings.isMissing(i) || times.isMissing(i)) {
                throw new IOException(dir + ": rating row " + i + " has a missing user, movie, rating or timestamp");
            }
            int movie = (int) items.getDouble(i);
            out.add((int) users.getDouble(i), movie, ratings.getDouble(i), (long) times.getDouble(i));
            Integer year = years.isMissing(i) ? null : (int) years.getDouble(i);
            movies.put(movie, titles.get(i), year, genres.get(i), dir);
        }
        return new MovieLensData(out.table(), movies.table());
    }

    /**
     * Reads the 100K release from {@code dir} (or its {@code ml-100k} subfolder): {@code u.data},
     * {@code u.item} and, when present, {@code u.genre} for the genre names.
     */
    public static MovieLensData read100k(Path dir) throws IOException {
        Path base = Files.isDirectory(dir.resolve("ml-100k")) ? dir.resolve("ml-100k") : dir;
        Table ratings = readUdata(base.resolve("u.data"));
        List<String> genreNames = Files.exists(base.resolve("u.genre")) ? readUgenre(base.resolve("u.genre")) : GENRES_100K;
        Movies movies = new Movies();
        Path item = base.resolve("u.item");
        forEachLine(item, StandardCharsets.ISO_8859_1, "|", 5 + genreNames.size(),
                "id|title|release date|video date|URL|" + genreNames.size() + " genre flags", (f, where) -> {
                    StringBuilder g = new StringBuilder();
                    for (int k = 0; k < genreNames.size(); k++) {
                        if (f[5 + k].trim().equals("1")) {
                            g.append(g.length() == 0 ? "" : "|").append(genreNames.get(k));
                        }
                    }
                    String[] titleYear = splitYear(f[1]);
                    String year = titleYear[1];
                    if (year == null && f[2].trim().matches(".*\\d{4}$")) { // release date such as 01-Jan-1995
                        year = f[2].trim().substring(f[2].trim().length() - 4);
                    }
                    movies.put(parseInt(f[0], where), titleYear[0], year == null ? null : Integer.valueOf(year),
                            g.toString(), where);
                });
        return new MovieLensData(ratings, movies.table());
    }

    /**
     * Reads the 1M release from {@code dir} (or its {@code ml-1m} subfolder): {@code ratings.dat}
     * ({@code UserID::MovieID::Rating::Timestamp}) and {@code movies.dat} ({@code MovieID::Title (Year)::Genres}).
     */
    public static MovieLensData read1m(Path dir) throws IOException {
        Path base = Files.isDirectory(dir.resolve("ml-1m")) ? dir.resolve("ml-1m") : dir;
        Ratings ratings = new Ratings();
        forEachLine(base.resolve("ratings.dat"), StandardCharsets.ISO_8859_1, "::", 4,
                "UserID::MovieID::Rating::Timestamp", (f, where) -> ratings.add(f, where));
        Movies movies = new Movies();
        forEachLine(base.resolve("movies.dat"), StandardCharsets.ISO_8859_1, "::", 3, "MovieID::Title::Genres",
                (f, where) -> {
                    String[] titleYear = splitYear(f[1]);
                    movies.put(parseInt(f[0], where), titleYear[0],
                            titleYear[1] == null ? null : Integer.valueOf(titleYear[1]), f[2].trim(), where);
                });
        return new MovieLensData(ratings.table(), movies.table());
    }

    /**
     * Reads a 100K-style {@code u.data}: tab-separated user id, item id, rating, timestamp per line
     * (blank lines skipped), as a ratings table in file order.
     *
     * @throws IOException naming the file and line of a malformed line
     */
    public static Table readUdata(Path file) throws IOException {
        Ratings ratings = new Ratings();
        forEachLine(file, StandardCharsets.ISO_8859_1, "\t", 4, "user, item, rating, timestamp",
                (f, where) -> ratings.add(f, where));
        return ratings.table();
    }

    private static List<String> readUgenre(Path file) throws IOException {
        Map<Integer, String> byIndex = new TreeMap<>();
        forEachLine(file, StandardCharsets.ISO_8859_1, "|", 2, "name|index",
                (f, where) -> byIndex.put(parseInt(f[1], where), f[0].trim()));
        List<String> names = new ArrayList<>(byIndex.values());
        if (!new ArrayList<>(byIndex.keySet()).equals(java.util.stream.IntStream.range(0, names.size()).boxed().toList())) {
            throw new IOException(file + ": genre indices are not 0.." + (names.size() - 1) + ": " + byIndex.keySet());
        }
        return names;
    }

    /** {title, year or null}: "Toy Story (1995)" gives {"Toy Story", "1995"}. */
    static String[] splitYear(String title) {
        Matcher m = TITLE_YEAR.matcher(title.trim());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {title.trim(), null};
    }

    /** Receives one line's fields and where it is ("file line n") for error messages. */
    private interface LineHandler {
        void accept(String[] fields, String where) throws IOException;
    }

    private static void forEachLine(Path file, Charset cs, String separator, int fields, String layout,
            LineHandler handler) throws IOException {
        String regex = Pattern.quote(separator);
        try (BufferedReader r = Files.newBufferedReader(file, cs)) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                String[] f = s.split(regex, -1);
                String where = file + " line " + line;
                if (f.length != fields) {
                    throw new IOException(where + ": expected " + fields + " fields (" + layout + ") separated by '"
                            + separator.replace("\t", "\\t") + "', found " + f.length);
                }
                handler.accept(f, where);
            }
        }
    }

    private static int parseInt(String s, String where) throws IOException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IOException(where + ": not an integer: '" + s + "'", e);
        }
    }

    /** Appends rating rows column by column. */
    private static final class Ratings {
        private final IntColumn users = IntColumn.create(USER);
        private final IntColumn movies = IntColumn.create(MOVIE);
        private final DoubleColumn ratings = DoubleColumn.create(RATING);
        private final LongColumn times = LongColumn.create(TIMESTAMP);

        void add(int user, int movie, double rating, long timestamp) {
            users.append(user);
            movies.append(movie);
            ratings.append(rating);
            times.append(timestamp);
        }

        /** Parses user, movie, rating, timestamp fields. */
        void add(String[] f, String where) throws IOException {
            try {
                add(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), Double.parseDouble(f[2].trim()),
                        Long.parseLong(f[3].trim()));
            } catch (NumberFormatException e) {
                throw new IOException(where + ": not a number: " + e.getMessage(), e);
            }
        }

        Table table() {
            return Table.create("ratings", users, movies, ratings, times);
        }
    }

    /** One entry per movie id; a second, different description of the same id is an error. */
    private static final class Movies {
        private record Movie(String title, Integer year, String genres) {}

        private final Map<Integer, Movie> byId = new TreeMap<>();

        void put(int id, String title, Integer year, String genres, Object where) throws IOException {
            Movie m = new Movie(title, year, genres);
            Movie before = byId.putIfAbsent(id, m);
            if (before != null && !before.equals(m)) {
                throw new IOException(where + ": movie " + id + " is described twice: " + before + " and " + m);
            }
        }

        Table table() {
            IntColumn ids = IntColumn.create(MOVIE);
            StringColumn titles = StringColumn.create(TITLE);
            IntColumn years = IntColumn.create(YEAR);
            StringColumn genres = StringColumn.create(GENRES);
            byId.forEach((id, m) -> {
                ids.append(id);
                titles.append(m.title());
                if (m.year() == null) {
                    years.appendMissing();
                } else {
                    years.append(m.year());
                }
                genres.append(m.genres());
            });
            return Table.create("movies", ids, titles, years, genres);
        }
    }
}
