package org.deepbrew.data.events;

import org.deepbrew.data.movielens.MovieLens;
import org.deepbrew.data.movielens.MovieLensData;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and tabulates user-behaviour event logs. */
public final class EventLogs {
    private EventLogs() {}

    /**
     * Reads MovieLens {@code u.data} (tab-separated user id, item id, rating, timestamp) with
     * {@link MovieLens#readUdata}; each rating becomes a {@link EventType#RATE} event whose value is
     * the rating, in file order. For whole releases, with titles, use {@link MovieLens}.
     */
    public static List<Event> readMovieLens(Path file) throws IOException {
        return fromRatings(MovieLens.readUdata(file));
    }

    /**
     * A ratings table of the {@link MovieLensData} shape ({@code userId}, {@code movieId},
     * {@code rating}, {@code timestamp}) as {@link EventType#RATE} events, in row order.
     */
    public static List<Event> fromRatings(Table ratings) {
        IntColumn users = ratings.intColumn(MovieLensData.USER);
        IntColumn movies = ratings.intColumn(MovieLensData.MOVIE);
        DoubleColumn values = ratings.doubleColumn(MovieLensData.RATING);
        LongColumn times = ratings.longColumn(MovieLensData.TIMESTAMP);
        List<Event> out = new ArrayList<>(ratings.rowCount());
        for (int i = 0; i < ratings.rowCount(); i++) {
            out.add(new Event(users.getInt(i), movies.getInt(i), times.getLong(i), EventType.RATE, values.getDouble(i)));
        }
        return out;
    }

    /** The events as a table: user, item, timestamp, type, value. */
    public static Table toTable(List<Event> events) {
        IntColumn user = IntColumn.create("user");
        IntColumn item = IntColumn.create("item");
        LongColumn time = LongColumn.create("timestamp");
        StringColumn type = StringColumn.create("type");
        DoubleColumn value = DoubleColumn.create("value");
        for (Event e : events) {
            user.append(e.user());
            item.append(e.item());
            time.append(e.timestamp());
            type.append(e.type().name());
            value.append(e.value());
        }
        return Table.create("events", user, item, time, type, value);
    }
}
