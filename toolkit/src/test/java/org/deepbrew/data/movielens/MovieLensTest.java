package org.deepbrew.data.movielens;

import org.deepbrew.data.DataUnavailableException;
import org.deepbrew.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovieLensTest {
    private static final List<ColumnType> RATING_TYPES =
            List.of(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.LONG);
    private static final List<ColumnType> MOVIE_TYPES =
            List.of(ColumnType.INTEGER, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING);

    @Test
    void latestSmallFromTheDslabsPackageHasTheDocumentedShape() {
        MovieLensData d;
        try {
            d = MovieLens.small(TestData.resolver());
        } catch (DataUnavailableException e) {
            Assumptions.abort("movielens-small cannot be resolved here: " + e.getMessage());
            return;
        }
        Table r = d.ratings();
        assertShape(d);
        assertEquals(100_004, r.rowCount());
        assertEquals(671, d.userCount());
        assertEquals(9_066, d.movieCount());
        assertEquals(9_066, d.movies().rowCount());
        assertEquals(0.5, r.doubleColumn("rating").min());
        assertEquals(5.0, r.doubleColumn("rating").max());
        assertTrue(r.doubleColumn("rating").asList().stream().allMatch(x -> x * 2 == Math.rint(x * 2)), "half stars");
        int first = Instant.ofEpochSecond((long) r.longColumn("timestamp").min()).atZone(ZoneOffset.UTC).getYear();
        int last = Instant.ofEpochSecond((long) r.longColumn("timestamp").max()).atZone(ZoneOffset.UTC).getYear();
        assertEquals(List.of(1995, 2016), List.of(first, last));

        // The first and last rows of the frame, read independently from the decompressed bytes.
        assertEquals(List.of(1, 31, 2.5, 1260759144L), row(r, 0));
        assertEquals(List.of(671, 6565, 3.5, 1074784724L), row(r, r.rowCount() - 1));
        assertEquals("Toy Story", d.titles().get(1));
        int toyStory = d.movies().intColumn("movieId").indexOf(1);
        assertEquals(1995, d.movies().intColumn("year").getInt(toyStory));
        assertEquals("Adventure|Animation|Children|Comedy|Fantasy", d.movies().stringColumn("genres").get(toyStory));

        // The facts the Javadoc states: unsorted in time, and many (user, timestamp) ties.
        Map<String, Integer> sameSecond = new HashMap<>();
        int backwards = 0;
        for (int i = 0; i < r.rowCount(); i++) {
            int u = r.intColumn("userId").getInt(i);
            long t = r.longColumn("timestamp").getLong(i);
            sameSecond.merge(u + "@" + t, 1, Integer::sum);
            if (i > 0 && u == r.intColumn("userId").getInt(i - 1) && t < r.longColumn("timestamp").getLong(i - 1)) {
                backwards++;
            }
        }
        long tied = sameSecond.values().stream().filter(c -> c > 1).mapToLong(c -> c).sum();
        assertTrue(backwards > 10_000, backwards + " backward steps in time within a user");
        assertTrue(tied > 20_000, tied + " ratings sharing (user, timestamp)");
    }

    @Test
    void the100kFilesGiveTheSameShapeWithYearsAndGenresFromUitem(@TempDir Path dir) throws IOException {
        Path ml = Files.createDirectory(dir.resolve("ml-100k"));
        Files.writeString(ml.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n\n22\t242\t1\t878887116\n");
        String flags242 = "0|0|0|0|0|1|0|0|1|0|0|0|0|0|0|0|0|0|0"; // Comedy, Drama
        String flags302 = "0|0|0|0|0|0|1|0|0|0|1|0|0|1|0|0|1|0|0"; // Crime, Film-Noir, Mystery, Thriller
        Files.write(ml.resolve("u.item"), ("242|Kolya (1996)|24-Jan-1997||http://x|" + flags242 + "\n"
                + "302|L.A. Confidential|01-Jan-1997||http://y|" + flags302 + "\n"
                + "303|Café Society (1995)|||http://z|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        MovieLensData d = MovieLens.read100k(dir);
        assertShape(d);
        assertEquals(3, d.ratings().rowCount());
        assertEquals(List.of(22, 242, 1.0, 878887116L), row(d.ratings(), 2));
        assertEquals(2, d.movieCount());
        Table m = d.movies();
        assertEquals(List.of(242, 302, 303), m.intColumn("movieId").asList());
        assertEquals(List.of("Kolya", "L.A. Confidential", "Café Society"), m.stringColumn("title").asList());
        assertEquals(List.of(1996, 1997, 1995), m.intColumn("year").asList(), "title year, else release date");
        assertEquals(List.of("Comedy|Drama", "Crime|Film-Noir|Mystery|Thriller", "unknown"),
                m.stringColumn("genres").asList());

        Files.writeString(ml.resolve("u.genre"), "Alpha|0\nBeta|1\n");
        IOException wrongWidth = assertThrows(IOException.class, () -> MovieLens.read100k(dir));
        assertTrue(wrongWidth.getMessage().contains("u.item line 1") && wrongWidth.getMessage().contains("expected 7"),
                wrongWidth.getMessage());
    }

    @Test
    void the1mFilesAreDoubleColonSeparated(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ratings.dat"), "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");
        Files.write(dir.resolve("movies.dat"), ("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
                + "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        MovieLensData d = MovieLens.read1m(dir);
        assertShape(d);
        assertEquals(List.of(2, 1193, 4.0, 978298413L), row(d.ratings(), 2));
        assertEquals(2, d.userCount());
        assertEquals("One Flew Over the Cuckoo's Nest", d.titles().get(1193));
        assertEquals(List.of(1996, 1975), d.movies().intColumn("year").asList());
    }

    @Test
    void malformedLinesAreNamedByFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("u.data"), "1\t2\t3\t4\n1\t2\t3\n");
        IOException e = assertThrows(IOException.class, () -> MovieLens.readUdata(bad));
        assertTrue(e.getMessage().contains("u.data line 2") && e.getMessage().contains("found 3"), e.getMessage());

        Path nan = Files.writeString(dir.resolve("v.data"), "1\t2\tfive\t4\n");
        e = assertThrows(IOException.class, () -> MovieLens.readUdata(nan));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("five"), e.getMessage());

        Files.writeString(dir.resolve("ratings.dat"), "1::5::3::9\n");
        Files.writeString(dir.resolve("movies.dat"), "5::A (1990)::Drama\n5::B (1991)::Comedy\n");
        e = assertThrows(IOException.class, () -> MovieLens.read1m(dir));
        assertTrue(e.getMessage().contains("movie 5 is described twice"), e.getMessage());
    }

    @Test
    void yearsSplitOffOnlyATrailingFourDigitYear() {
        assertEquals(List.of("Seven (a.k.a. Se7en)", "1995"), List.of(MovieLens.splitYear("Seven (a.k.a. Se7en) (1995)")));
        assertEquals("Fawlty Towers (1975-1979)", MovieLens.splitYear("Fawlty Towers (1975-1979)")[0]);
        assertEquals(null, MovieLens.splitYear("Hyena Road")[1]);
    }

    private static void assertShape(MovieLensData d) {
        assertEquals(List.of("userId", "movieId", "rating", "timestamp"), d.ratings().columnNames());
        assertEquals(RATING_TYPES, d.ratings().columns().stream().map(c -> c.type()).toList());
        assertEquals(List.of("movieId", "title", "year", "genres"), d.movies().columnNames());
        assertEquals(MOVIE_TYPES, d.movies().columns().stream().map(c -> c.type()).toList());
        Set<Integer> described = new HashSet<>(d.movies().intColumn("movieId").asList());
        assertTrue(described.containsAll(d.ratings().intColumn("movieId").asList()), "every rated movie is described");
    }

    private static List<Object> row(Table r, int i) {
        return List.of(r.intColumn("userId").getInt(i), r.intColumn("movieId").getInt(i),
                r.doubleColumn("rating").getDouble(i), r.longColumn("timestamp").getLong(i));
    }
}
