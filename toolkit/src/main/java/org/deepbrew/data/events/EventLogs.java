package org.deepbrew.data.events;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and tabulates user-behaviour event logs. */
public final class EventLogs {
    private EventLogs() {}

    /**
     * Reads MovieLens {@code u.data}: tab-separated user id, item id, rating, timestamp, one
     * rating per line. Each becomes a {@link EventType#RATE} event whose value is the rating.
     */
    public static List<Event> readMovieLens(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                String[] f = s.split("\t");
                if (f.length != 4) {
                    throw new IOException(file + " line " + line + ": expected 4 tab-separated fields "
                            + "(user, item, rating, timestamp), found " + f.length);
                }
                try {
                    out.add(new Event(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()),
                            Long.parseLong(f[3].trim()), EventType.RATE, Double.parseDouble(f[2].trim())));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + line + ": not a number: " + e.getMessage(), e);
                }
            }
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
