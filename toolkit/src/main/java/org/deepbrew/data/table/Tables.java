package org.deepbrew.data.table;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.JsonFiles;
import org.deepbrew.data.rdata.RDataFrames;
import org.deepbrew.data.rdata.RLazyLoad;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.json.JsonReadOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Classic small tables as Tablesaw {@link Table}s with proper column types, and
 * {@link #read(Path)} for a user's own CSV or JSON file.
 */
public final class Tables {
    /** Manifest name of the vega-datasets tables. */
    public static final String VEGA = "vega-tables";
    /** Manifest name of the scikit-learn tables. */
    public static final String SKLEARN = "sklearn-tables";
    /**
     * Manifest name of the data set holding the R package dslabs' database: it is installed for
     * its MovieLens ratings, and holds the package's other tables too ({@link #dslabs(String)}).
     */
    public static final String DSLABS = "movielens-small";

    private static final List<String> BREAST_CANCER_FEATURES = List.of("radius", "texture", "perimeter", "area",
            "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension");
    private static final List<String> WINE_FEATURES = List.of("alcohol", "malic_acid", "ash", "alcalinity_of_ash",
            "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins",
            "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline");
    private static final List<String> DIABETES_FEATURES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3",
            "s4", "s5", "s6");
    private static final List<String> IRIS_FEATURES = List.of("sepal length (cm)", "sepal width (cm)",
            "petal length (cm)", "petal width (cm)");

    private static DatasetResolver resolver;

    private Tables() {}

    /** Use this resolver (e.g. a test cache) instead of the standard one. */
    public static synchronized void useResolver(DatasetResolver r) {
        resolver = r;
    }

    private static synchronized Path folder(String name) {
        return (resolver != null ? resolver : DatasetResolver.standard()).resolve(name);
    }

    /** 406 cars from 1970-1982: name, miles per gallon, cylinders, ..., year (a date), origin. Some values are missing. */
    public static Table cars() {
        return unchecked(() -> readJson(folder(VEGA).resolve("cars.json"), "cars"));
    }

    /** Monthly prices of five stocks (symbol, date, price), 2000-2010. */
    public static Table stocks() {
        return unchecked(() -> readCsv(folder(VEGA).resolve("stocks.csv"), "stocks",
                DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH)));
    }

    /** Daily Seattle weather 2012-2015: date, precipitation, max/min temperature, wind, weather label. */
    public static Table seattleWeather() {
        return unchecked(() -> readCsv(folder(VEGA).resolve("seattle-weather.csv"), "seattle-weather",
                DateTimeFormatter.ofPattern("yyyy/MM/dd")));
    }

    /** Wisconsin breast cancer: 569 tumours, 30 features, {@code target} (0 malignant, 1 benign) and {@code class}. */
    public static Table breastCancer() {
        List<String> names = new ArrayList<>();
        for (String prefix : List.of("mean ", "", "worst ")) {
            for (String f : BREAST_CANCER_FEATURES) {
                names.add(prefix.isEmpty() ? f + " error" : prefix + f);
            }
        }
        return unchecked(() -> readSklearn(folder(SKLEARN).resolve("breast_cancer.csv"), "breast-cancer", names));
    }

    /** Wine recognition: 178 wines, 13 chemical measurements, {@code target} 0-2 and {@code class}. */
    public static Table wine() {
        return unchecked(() -> readSklearn(folder(SKLEARN).resolve("wine_data.csv"), "wine", WINE_FEATURES));
    }

    /** Fisher's iris: 150 flowers, 4 measurements, {@code target} 0-2 and {@code class}. */
    public static Table iris() {
        return unchecked(() -> readSklearn(folder(SKLEARN).resolve("iris.csv"), "iris", IRIS_FEATURES));
    }

    /** 1,797 8x8 digit images: columns {@code pixel_0_0 ... pixel_7_7} (0-16) and {@code target}. */
    public static Table digits() {
        return unchecked(() -> {
            Path file = folder(SKLEARN).resolve("digits.csv.gz");
            List<String> names = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    names.add("pixel_" + r + "_" + c);
                }
            }
            names.add("target");
            ColumnType[] types = new ColumnType[65];
            java.util.Arrays.fill(types, ColumnType.INTEGER);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Table t = Table.read().usingOptions(CsvReadOptions.builder(in).header(false).columnTypes(types)
                        .tableName("digits"));
                for (int i = 0; i < names.size(); i++) {
                    t.column(i).setName(names.get(i));
                }
                return t;
            }
        });
    }

    /**
     * Efron et al.'s diabetes study: 442 patients, 10 baseline measurements ({@code age}, {@code sex} 1 or 2,
     * {@code bmi}, {@code bp} mean blood pressure, serum measurements {@code s1}-{@code s6}) in their raw
     * units, and {@code progression}, a quantitative measure of the disease a year after baseline.
     */
    public static Table diabetes() {
        return unchecked(() -> {
            Path folder = folder(SKLEARN);
            List<String> rows = gunzipLines(folder.resolve("diabetes_data_raw.csv.gz"));
            List<String> targets = gunzipLines(folder.resolve("diabetes_target.csv.gz"));
            if (rows.size() != targets.size()) {
                throw new IOException("diabetes: " + rows.size() + " patients but " + targets.size() + " targets");
            }
            List<DoubleColumn> columns = new ArrayList<>();
            for (String name : DIABETES_FEATURES) {
                columns.add(DoubleColumn.create(name));
            }
            DoubleColumn progression = DoubleColumn.create("progression");
            for (int i = 0; i < rows.size(); i++) {
                String[] values = rows.get(i).trim().split("\\s+");
                if (values.length != DIABETES_FEATURES.size()) {
                    throw new IOException("diabetes_data_raw.csv.gz line " + (i + 1) + ": " + values.length
                            + " values, expected " + DIABETES_FEATURES.size());
                }
                for (int c = 0; c < values.length; c++) {
                    columns.get(c).append(Double.parseDouble(values[c]));
                }
                progression.append(Double.parseDouble(targets.get(i).trim()));
            }
            Table t = Table.create("diabetes");
            columns.forEach(t::addColumns);
            return t.addColumns(progression);
        });
    }

    private static List<String> gunzipLines(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /**
     * A data frame of the R package dslabs (Irizarry and Gill), read without R: for example
     * {@code "admissions"}, {@code "olive"}, {@code "heights"}, {@code "gapminder"}, {@code "murders"}.
     */
    public static Table dslabs(String name) {
        return unchecked(() -> {
            RLazyLoad db = RLazyLoad.open(folder(DSLABS));
            if (!db.names().contains(name)) {
                throw new IllegalArgumentException("dslabs has no table \"" + name + "\"; it has " + db.names());
            }
            return RDataFrames.toTable(db.read(name), name);
        });
    }

    /**
     * UC Berkeley's graduate admissions of autumn 1973 in its six largest majors (Bickel, Hammel
     * and O'Connell 1975), one row per applicant: {@code major} (A-F), {@code gender} (men,
     * women) and {@code admitted} (1 or 0). 4,526 applicants, rebuilt from dslabs'
     * {@code admissions} table of per-major percentages and applicant counts; each percentage is
     * rounded there, so a major's admitted count can be off by one from the original records.
     */
    public static Table berkeleyApplicants() {
        Table counts = dslabs("admissions");
        StringColumn major = StringColumn.create("major");
        StringColumn gender = StringColumn.create("gender");
        IntColumn admitted = IntColumn.create("admitted");
        for (int r = 0; r < counts.rowCount(); r++) {
            int applicants = (int) Math.round(counts.numberColumn("applicants").getDouble(r));
            int yes = (int) Math.round(counts.numberColumn("admitted").getDouble(r) * applicants / 100);
            for (int i = 0; i < applicants; i++) {
                major.append(counts.stringColumn("major").get(r));
                gender.append(counts.stringColumn("gender").get(r));
                admitted.append(i < yes ? 1 : 0);
            }
        }
        return Table.create("berkeley-applicants", major, gender, admitted);
    }

    /**
     * Reads a user's CSV (header line expected) or JSON (a list of flat objects) file, inferring
     * column types: integers, decimals, dates, text. A row with the wrong number of fields or a
     * value that does not fit its column is reported with its line number.
     */
    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.replaceFirst("\\.(csv|json|tsv)(\\.gz)?$", "");
        if (name.endsWith(".json")) {
            return readJson(file, base);
        }
        return readCsv(file, base, null);
    }

    /** Reads a CSV with a header line, checking field counts first so a broken row is named. */
    static Table readCsv(Path file, String tableName, DateTimeFormatter dateFormat) throws IOException {
        char sep = file.getFileName().toString().endsWith(".tsv") ? '\t' : ',';
        checkFieldCounts(file, sep);
        CsvReadOptions.Builder options = CsvReadOptions.builder(file.toFile()).separator(sep).tableName(tableName);
        if (dateFormat != null) {
            options.dateFormat(dateFormat);
        }
        try {
            return Table.read().usingOptions(options);
        } catch (AddCellToColumnException e) {
            // Tablesaw numbers the header row 0, so a data row's number + 1 is its line in the file.
            throw new IOException(file + " line " + (e.getRowNumber() + 1) + ": value for column '"
                    + e.getColumnName() + "' does not fit the type inferred from earlier rows (" + cause(e) + ")", e);
        }
    }

    private static String cause(Exception e) {
        return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    /** Fails on the first line whose field count differs from the header's. */
    static void checkFieldCounts(Path file, char sep) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            int expected = fields(header, sep);
            int line = 1;
            StringBuilder pending = null;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                String record = pending == null ? s : pending.append('\n').append(s).toString();
                if (openQuote(record)) {
                    pending = new StringBuilder(record);
                    continue;
                }
                pending = null;
                if (record.isBlank()) {
                    continue;
                }
                int n = fields(record, sep);
                if (n != expected) {
                    throw new IOException(file + " line " + line + " has " + n + " fields, but the header has "
                            + expected + ": " + (record.length() > 120 ? record.substring(0, 120) + "…" : record));
                }
            }
        }
    }

    private static boolean openQuote(String s) {
        int quotes = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static int fields(String line, char sep) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                n++;
            }
        }
        return n;
    }

    /**
     * scikit-learn's CSV layout: a first line {@code rows,features,class names...}, then rows of
     * features followed by an integer target.
     */
    static Table readSklearn(Path file, String tableName, List<String> featureNames) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String[] head = r.readLine().split(",");
            int rows = Integer.parseInt(head[0].trim());
            int features = Integer.parseInt(head[1].trim());
            if (features != featureNames.size()) {
                throw new IOException(file + " declares " + features + " features, expected " + featureNames.size());
            }
            List<String> classNames = List.of(head).subList(2, head.length);
            double[][] x = new double[features][rows];
            int[] target = new int[rows];
            String[] names = new String[rows];
            for (int i = 0; i < rows; i++) {
                String line = r.readLine();
                if (line == null) {
                    throw new IOException(file + " ends after " + i + " of " + rows + " declared rows");
                }
                String[] v = line.split(",");
                if (v.length != features + 1) {
                    throw new IOException(file + " line " + (i + 2) + " has " + v.length + " fields, expected "
                            + (features + 1));
                }
                for (int j = 0; j < features; j++) {
                    x[j][i] = Double.parseDouble(v[j]);
                }
                target[i] = Integer.parseInt(v[features].trim());
                names[i] = classNames.get(target[i]);
            }
            Table t = Table.create(tableName);
            for (int j = 0; j < features; j++) {
                t.addColumns(DoubleColumn.create(featureNames.get(j), x[j]));
            }
            t.addColumns(IntColumn.create("target", target), StringColumn.create("class", names));
            return t;
        }
    }

    /**
     * Reads a JSON list of objects with tablesaw-json: each key becomes a column, typed from all its
     * values; a nested object's keys become columns named {@code outer.inner}.
     */
    static Table readJson(Path file, String tableName) throws IOException {
        JsonArray rows = JsonFiles.readList(file, "objects, one per row");
        // Tablesaw's reader needs every key in every row and forgets the keys' order: give it both.
        Map<String, JsonElement> blanks = new LinkedHashMap<>(); // per key, its value with every leaf null
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isJsonObject()) {
                throw new IOException(file + ": row " + i + " is not an object: " + rows.get(i));
            }
            for (Map.Entry<String, JsonElement> e : rows.get(i).getAsJsonObject().entrySet()) {
                JsonElement blank = blanks.get(e.getKey());
                if (blank == null || blank.isJsonNull()) {
                    blanks.put(e.getKey(), blank(e.getValue()));
                }
            }
        }
        for (JsonElement row : rows) {
            blanks.forEach((key, blank) -> {
                if (!row.getAsJsonObject().has(key)) {
                    row.getAsJsonObject().add(key, blank.deepCopy());
                }
            });
        }
        List<String> keys = List.copyOf(blanks.keySet());
        Table t;
        try {
            // Types from every value, not a sample, so a late text value cannot break a number column.
            t = Table.read().usingOptions(JsonReadOptions.builderFromString(rows.toString())
                    .tableName(tableName).sample(false));
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<String> ordered = new ArrayList<>(t.columnNames());
        ordered.sort(Comparator.comparingInt(name -> keyIndex(keys, name)));
        return t.reorderColumns(ordered.toArray(new String[0]));
    }

    /** {@code value} with every leaf null: for a nested object, the same keys, so it flattens to the same columns. */
    private static JsonElement blank(JsonElement value) {
        if (!value.isJsonObject()) {
            return JsonNull.INSTANCE;
        }
        JsonObject blank = new JsonObject();
        value.getAsJsonObject().entrySet().forEach(e -> blank.add(e.getKey(), blank(e.getValue())));
        return blank;
    }

    /** Where column {@code name} (a key, or {@code key.inner} for a nested one) comes in {@code keys}. */
    private static int keyIndex(List<String> keys, String name) {
        for (String n = name; ; n = n.substring(0, n.lastIndexOf('.'))) {
            int i = keys.indexOf(n);
            if (i >= 0 || n.indexOf('.') < 0) {
                return i;
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
