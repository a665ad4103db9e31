package org.deepbrew.data.table;

import org.deepbrew.data.DataUnavailableException;
import org.deepbrew.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesTest {

    @BeforeAll
    static void useTestCache() {
        Tables.useResolver(TestData.resolver());
    }

    @Test
    void vegaTablesHaveRealShapesAndTypes() {
        Table cars = Tables.cars();
        assertEquals(406, cars.rowCount());
        assertEquals(ColumnType.DOUBLE, cars.column("Miles_per_Gallon").type());
        assertEquals(ColumnType.INTEGER, cars.column("Cylinders").type());
        assertEquals(ColumnType.LOCAL_DATE, cars.column("Year").type());
        assertEquals(8, cars.column("Miles_per_Gallon").countMissing());
        assertEquals(6, cars.column("Horsepower").countMissing());

        Table stocks = Tables.stocks();
        assertEquals(560, stocks.rowCount());
        assertEquals(LocalDate.of(2000, 1, 1), stocks.dateColumn("date").get(0));
        assertEquals(5, stocks.stringColumn("symbol").countUnique());

        Table weather = Tables.seattleWeather();
        assertEquals(1461, weather.rowCount());
        assertEquals(LocalDate.of(2015, 12, 31), weather.dateColumn("date").max());
    }

    @Test
    void sklearnTablesSkipTheCountHeaderAndNameClasses() {
        Table bc = Tables.breastCancer();
        assertEquals(569, bc.rowCount());
        assertEquals(32, bc.columnCount());
        assertEquals(17.99, bc.doubleColumn("mean radius").get(0), 1e-9);
        assertEquals(357, bc.intColumn("target").isEqualTo(1).size());
        assertEquals("malignant", bc.stringColumn("class").get(0));

        Table wine = Tables.wine();
        assertEquals(178, wine.rowCount());
        assertEquals(14.23, wine.doubleColumn("alcohol").get(0), 1e-9);
        assertEquals(3, wine.stringColumn("class").countUnique());

        assertEquals(150, Tables.iris().rowCount());
        Table digits = Tables.digits();
        assertEquals(1797, digits.rowCount());
        assertEquals(65, digits.columnCount());
        assertEquals(16, (int) digits.intColumn("pixel_3_3").max());

        Table diabetes = Tables.diabetes();
        assertEquals(442, diabetes.rowCount());
        assertEquals(11, diabetes.columnCount());
        assertEquals(59, diabetes.doubleColumn("age").get(0), 1e-9);
        assertEquals(32.1, diabetes.doubleColumn("bmi").get(0), 1e-9);
        assertEquals(151, diabetes.doubleColumn("progression").get(0), 1e-9);
        assertEquals(57, diabetes.doubleColumn("progression").get(441), 1e-9);
        assertEquals(152.133484, diabetes.doubleColumn("progression").mean(), 1e-6); // a separate Python read of the file
        assertEquals(207, diabetes.doubleColumn("sex").isEqualTo(2).size());
    }

    @Test
    void readInfersTypesAndNamesTheLineOfAMalformedRow(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.csv"), "name,age,joined\nann,31,2020-01-05\nbob,,2021-03-01\n");
        Table t = Tables.read(ok);
        assertEquals(ColumnType.INTEGER, t.column("age").type());
        assertEquals(ColumnType.LOCAL_DATE, t.column("joined").type());
        assertEquals(1, t.column("age").countMissing());

        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,c\n1,2,3\n4,5\n6,7,8\n");
        IOException e = assertThrows(IOException.class, () -> Tables.read(bad));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("2 fields"), e.getMessage());

        Path json = Files.writeString(dir.resolve("rows.json"), "[{\"x\":1.5,\"k\":\"a\"},{\"x\":null,\"k\":\"b\"}]");
        Table j = Tables.read(json);
        assertEquals(ColumnType.DOUBLE, j.column("x").type());
        assertEquals(1, j.column("x").countMissing());

        // Columns keep the order of the keys; a key some rows lack is missing there; nested keys flatten.
        Path uneven = Files.writeString(dir.resolve("uneven.json"),
                "[{\"zeta\":1,\"at\":{\"lat\":2.5,\"lon\":3.5},\"alpha\":\"a\"},{\"zeta\":2,\"when\":\"2020-01-05\"}]");
        Table u = Tables.read(uneven);
        assertEquals(List.of("zeta", "at.lat", "at.lon", "alpha", "when"), u.columnNames());
        assertEquals(ColumnType.INTEGER, u.column("zeta").type());
        assertEquals(ColumnType.LOCAL_DATE, u.column("when").type());
        assertEquals(1, u.column("alpha").countMissing());
    }

    @Test
    void badInputIsReportedWithTheFileAndWhereInIt(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        IOException e = assertThrows(IOException.class, () -> Tables.read(empty));
        assertTrue(e.getMessage().contains("empty.csv is empty"), e.getMessage());

        // Tablesaw infers "age" as integers from a sample of rows; a late text value must name its line.
        StringBuilder late = new StringBuilder("name,age\n");
        for (int i = 0; i < 20_500; i++) {
            late.append("p").append(i).append(',').append(i % 90).append('\n');
        }
        late.append("zed,unknown\n");
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), late);
        e = assertThrows(IOException.class, () -> Tables.read(mixed));
        assertTrue(e.getMessage().contains("mixed.csv line 20502") && e.getMessage().contains("'age'"),
                e.getMessage());

        Path notRows = Files.writeString(dir.resolve("scalars.json"), "[{\"x\":1}, 2]");
        e = assertThrows(IOException.class, () -> Tables.read(notRows));
        assertTrue(e.getMessage().contains("row 1 is not an object"), e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"x\":1},");
        e = assertThrows(IOException.class, () -> Tables.read(broken));
        assertTrue(e.getMessage().contains("broken.json is not valid JSON"), e.getMessage());
    }

    @Test
    void berkeleyApplicantsAreRebuiltFromDslabsCounts() {
        Table counts;
        try {
            counts = Tables.dslabs("admissions");
        } catch (DataUnavailableException e) {
            Assumptions.abort("the dslabs database cannot be resolved here: " + e.getMessage());
            return;
        }
        assertEquals(List.of("major", "gender", "admitted", "applicants"), counts.columnNames());
        assertEquals(12, counts.rowCount());
        Table people = Tables.berkeleyApplicants();
        assertEquals(4526, people.rowCount());
        assertEquals(2691, people.where(people.stringColumn("gender").isEqualTo("men")).rowCount());
        // Major A, men: 62 % of 825 = 511.5, rounded to 512 (the 1973 records say 512).
        Table menA = people.where(people.stringColumn("gender").isEqualTo("men")
                .and(people.stringColumn("major").isEqualTo("A")));
        assertEquals(825, menA.rowCount());
        assertEquals(512, (int) menA.intColumn("admitted").sum());
        assertThrows(IllegalArgumentException.class, () -> Tables.dslabs("no such table"));
    }
}
