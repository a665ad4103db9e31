package org.deepbrew.data.rdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.deepbrew.data.rdata.Xdr.HAS_ATTR;
import static org.deepbrew.data.rdata.Xdr.IS_OBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RLazyLoadTest {

    /** data.frame(id = c(3L, NA, 5L), kind = factor(c("x", "y", NA)), score = c(0.5, NA, 2), who = c("a", NA, "c")). */
    static byte[] frame() {
        return Xdr.v3().i(19 | HAS_ATTR | IS_OBJECT).i(4)
                .ints(0, 3, Integer.MIN_VALUE, 5)
                .ints(HAS_ATTR | IS_OBJECT, 1, 2, Integer.MIN_VALUE)
                .cell().symbol("levels").strings(0, "x", "y")
                .cell().symbol("class").strings(0, "factor").nil()
                .doubles(0, 0.5, RDoubleVector.NA, 2)
                .strings(0, "a", null, "c")
                .cell().symbol("names").strings(0, "id", "kind", "score", "who")
                .cell().ref(2).strings(0, "data.frame")
                .cell().symbol("row.names").ints(0, Integer.MIN_VALUE, -3).nil().bytes();
    }

    @Test
    void aDataFrameBecomesATableWithMissingValuesWhereRHadNa() throws Exception {
        Table t = RDataFrames.toTable(RSerialization.read(frame()), "f");
        assertEquals(List.of("id", "kind", "score", "who"), t.columnNames());
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.STRING),
                t.columns().stream().map(c -> c.type()).toList());
        assertEquals(3, t.rowCount());
        assertEquals(5, t.intColumn("id").get(2));
        assertEquals(1, t.intColumn("id").countMissing());
        assertEquals(List.of("x", "y", ""), t.stringColumn("kind").asList());
        assertTrue(t.stringColumn("kind").isMissing(2));
        assertTrue(t.doubleColumn("score").isMissing(1));
        assertEquals(2.0, t.doubleColumn("score").getDouble(2));
        assertTrue(t.stringColumn("who").isMissing(1));

        RFormatException e = assertThrows(RFormatException.class,
                () -> RDataFrames.toTable(RSerialization.read(Xdr.v3().ints(0, 1).bytes()), "x"));
        assertTrue(e.getMessage().contains("not a data.frame"), e.getMessage());
    }

    @Test
    void datesAndDateTimesBecomeTimeColumns() throws Exception {
        // data.frame(d = as.Date(c("2016-11-08", NA)), t = as.POSIXct(c(0, 1.5), origin = "1970-01-01", tz = "UTC"))
        byte[] bytes = Xdr.v3().i(19 | HAS_ATTR | IS_OBJECT).i(2)
                .doubles(HAS_ATTR | IS_OBJECT, 17113, RDoubleVector.NA).cell().symbol("class").strings(0, "Date").nil()
                .doubles(HAS_ATTR | IS_OBJECT, 0, 1.5).cell().ref(1).strings(0, "POSIXct", "POSIXt").nil()
                .cell().symbol("names").strings(0, "d", "t")
                .cell().ref(1).strings(0, "data.frame")
                .cell().symbol("row.names").ints(0, Integer.MIN_VALUE, -2).nil().bytes();
        Table t = RDataFrames.toTable(RSerialization.read(bytes), "times");
        assertEquals(java.time.LocalDate.of(2016, 11, 8), t.dateColumn("d").get(0));
        assertTrue(t.dateColumn("d").isMissing(1));
        assertEquals(java.time.Instant.ofEpochMilli(1500), t.instantColumn("t").get(1));
    }

    @Test
    void aDatabaseListsItsObjectsAndReadsEachOnDemand(@TempDir Path dir) throws Exception {
        writeDatabase(dir, "Rdata", true, List.of("scores", "frame"),
                List.of(Xdr.v3().doubles(0, 1, 2).bytes(), frame()));
        RLazyLoad db = RLazyLoad.open(dir);
        assertEquals(List.of("scores", "frame"), db.names());
        assertEquals(2.0, ((RDoubleVector) db.read("scores")).get(1));
        assertEquals(3, RDataFrames.toTable(db.read("frame"), "frame").rowCount());
        assertEquals(List.of("scores", "frame"), RLazyLoad.open(dir.resolve("Rdata.rdx")).names());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> db.read("nope"));
        assertTrue(missing.getMessage().contains("[scores, frame]"), missing.getMessage());
    }

    @Test
    void corruptEntriesAndMissingFilesAreReported(@TempDir Path dir) throws Exception {
        writeDatabase(dir, "db", true, List.of("v"), List.of(Xdr.v3().ints(0, 1, 2, 3).bytes()));
        Path rdb = dir.resolve("db.rdb");
        byte[] b = Files.readAllBytes(rdb);
        b[6] ^= 0x5a;
        Files.write(rdb, b);
        RFormatException e = assertThrows(RFormatException.class, () -> RLazyLoad.open(rdb).read("v"));
        assertTrue(e.getMessage().contains("object 'v'") && (e.getMessage().contains("zlib")
                || e.getMessage().contains("truncated")), e.getMessage());

        Files.delete(dir.resolve("db.rdx"));
        assertThrows(java.io.FileNotFoundException.class, () -> RLazyLoad.open(rdb));
    }

    @Test
    void uncompressedDatabasesAndMethodBytesAreUnderstood(@TempDir Path dir) throws Exception {
        writeDatabase(dir, "plain", false, List.of("s"), List.of(Xdr.v3().strings(0, "ok").bytes()));
        assertEquals("ok", ((RStringVector) RLazyLoad.open(dir.resolve("plain.rdb")).read("s")).get(0));
    }

    /** Writes name.rdb and name.rdx as R's makeLazyLoadDB does (zlib entries when compressed). */
    static void writeDatabase(Path dir, String name, boolean compressed, List<String> names, List<byte[]> objects)
            throws Exception {
        ByteArrayOutputStream rdb = new ByteArrayOutputStream();
        Xdr index = Xdr.v3().i(19 | HAS_ATTR).i(3).i(19 | HAS_ATTR).i(names.size());
        for (byte[] o : objects) {
            byte[] packed = compressed ? deflate(o) : o;
            index.ints(0, rdb.size(), packed.length + 4);
            rdb.writeBytes(ByteBuffer.allocate(4).putInt(o.length).array());
            rdb.writeBytes(packed);
        }
        index.cell().symbol("names").strings(0, names.toArray(String[]::new)).nil()
                .i(19).i(0)
                .i(10).i(1).i(compressed ? 1 : 0)
                .cell().ref(1).strings(0, "variables", "references", "compressed").nil();
        Files.write(dir.resolve(name + ".rdb"), rdb.toByteArray());
        ByteArrayOutputStream rdx = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(rdx)) {
            gz.write(index.bytes());
        }
        Files.write(dir.resolve(name + ".rdx"), rdx.toByteArray());
    }

    private static byte[] deflate(byte[] b) {
        Deflater d = new Deflater();
        d.setInput(b);
        d.finish();
        byte[] buf = new byte[b.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
