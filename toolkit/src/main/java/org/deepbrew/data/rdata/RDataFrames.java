package org.deepbrew.data.rdata;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns an R data.frame into a Tablesaw {@link Table}: factors become string columns (their
 * levels), integers {@link IntColumn}s, doubles {@link DoubleColumn}s, characters
 * {@link StringColumn}s, logicals {@link BooleanColumn}s, dates (class "Date") {@link DateColumn}s and
 * date-times (class "POSIXct", shown in UTC) {@link InstantColumn}s; every {@code NA} becomes a
 * missing value.
 */
public final class RDataFrames {
    private RDataFrames() {}

    /** Whether {@code value} is a data.frame (a list with class "data.frame", tibbles included). */
    public static boolean isDataFrame(RValue value) {
        return value instanceof RList && value.inherits("data.frame");
    }

    /**
     * The data.frame {@code value} as a table named {@code tableName}, columns in R's order.
     *
     * @throws RFormatException if it is not a data.frame, its columns differ in length, or a column
     *     is not atomic (a list column)
     */
    public static Table toTable(RValue value, String tableName) throws RFormatException {
        if (!isDataFrame(value)) {
            throw new RFormatException("not a data.frame: " + value.typeName() + " with class " + value.attributes().classes());
        }
        RList frame = (RList) value;
        List<String> names = frame.attributes().names();
        if (names.size() != frame.length()) {
            throw new RFormatException("data.frame has " + frame.length() + " columns but " + names.size() + " names");
        }
        int rows = rowCount(frame);
        Table table = Table.create(tableName);
        for (int c = 0; c < frame.length(); c++) {
            RValue v = frame.get(c);
            String name = names.get(c);
            if (!(v instanceof RVector vector) || v instanceof RList) {
                throw new RFormatException("column '" + name + "' is " + v.typeName() + "; only atomic columns convert");
            }
            if (vector.length() != rows) {
                throw new RFormatException("column '" + name + "' has " + vector.length() + " values, the frame " + rows + " rows");
            }
            table.addColumns(column(name, vector));
        }
        return table;
    }

    /** The number of rows R records in {@code row.names}: compact {@code c(NA, -n)} or one name per row. */
    static int rowCount(RList frame) throws RFormatException {
        RValue rn = frame.attributes().get("row.names").orElse(null);
        if (rn instanceof RIntVector iv && iv.length() == 2 && iv.isNA(0)) {
            return Math.abs(iv.get(1));
        }
        if (rn instanceof RVector v) {
            return v.length();
        }
        // No row names: trust the first column, as R would fail to print such a frame anyway.
        return frame.length() == 0 ? 0 : ((RVector) frame.get(0)).length();
    }

    private static Column<?> column(String name, RVector v) throws RFormatException {
        if (v instanceof RIntVector iv && iv.isFactor()) {
            try {
                return strings(name, iv.length(), iv::level);
            } catch (IllegalStateException e) {
                throw new RFormatException("factor column '" + name + "': " + e.getMessage(), e);
            }
        }
        if (v instanceof RIntVector iv) {
            return IntColumn.create(name, iv.toArray()); // R's NA and Tablesaw's missing int are both MIN_VALUE
        }
        if (v instanceof RDoubleVector dv && (v.inherits("Date") || v.inherits("POSIXct"))) {
            return time(name, dv);
        }
        if (v instanceof RIntVector iv && v.inherits("Date")) {
            return time(name, new RDoubleVector(java.util.Arrays.stream(iv.toArray())
                    .mapToDouble(x -> x == RIntVector.NA ? RDoubleVector.NA : x).toArray(), iv.attributes()));
        }
        if (v instanceof RDoubleVector dv) {
            return DoubleColumn.create(name, dv.toArray()); // NA and NaN both read as missing
        }
        if (v instanceof RStringVector sv) {
            return strings(name, sv.length(), sv::get);
        }
        RLogicalVector lv = (RLogicalVector) v;
        BooleanColumn col = BooleanColumn.create(name);
        for (int i = 0; i < lv.length(); i++) {
            if (lv.isNA(i)) {
                col.appendMissing();
            } else {
                col.append(lv.get(i));
            }
        }
        return col;
    }

    /** R's dates (days since 1970-01-01) as a date column, its date-times (POSIXct, seconds) as instants. */
    private static Column<?> time(String name, RDoubleVector v) {
        boolean dates = v.inherits("Date");
        Column<?> col = dates ? DateColumn.create(name) : InstantColumn.create(name);
        for (int i = 0; i < v.length(); i++) {
            double x = v.get(i);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                col.appendMissing();
            } else if (dates) {
                ((DateColumn) col).append(LocalDate.ofEpochDay((long) Math.floor(x)));
            } else {
                long seconds = (long) Math.floor(x);
                ((InstantColumn) col).append(Instant.ofEpochSecond(seconds, Math.round((x - seconds) * 1e9)));
            }
        }
        return col;
    }

    /** A string column of {@code n} values; null ones (R's NA) become missing. */
    private static StringColumn strings(String name, int n, java.util.function.IntFunction<String> value) {
        StringColumn col = StringColumn.create(name);
        for (int i = 0; i < n; i++) {
            String s = value.apply(i);
            if (s == null) {
                col.appendMissing();
            } else {
                col.append(s);
            }
        }
        return col;
    }
}
