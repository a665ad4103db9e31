package org.deepbrew.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The registry of data sets, read from {@code datasets/manifest.json} (bundled in the toolkit jar
 * as {@code org/deepbrew/data/manifest.json}).
 */
public final class Manifest {
    private static final String RESOURCE = "/org/deepbrew/data/manifest.json";
    private static volatile Manifest bundled;

    private final Map<String, DatasetSpec> specs;

    /** A manifest holding exactly these data sets, in this order. */
    public Manifest(List<DatasetSpec> specs) {
        Map<String, DatasetSpec> map = new LinkedHashMap<>();
        for (DatasetSpec s : specs) {
            if (map.put(s.name(), s) != null) {
                throw new IllegalArgumentException("Data set listed twice: " + s.name());
            }
        }
        this.specs = Collections.unmodifiableMap(map);
    }

    /** The manifest shipped with the toolkit. */
    public static Manifest bundled() {
        Manifest m = bundled;
        if (m == null) {
            try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The toolkit jar lacks " + RESOURCE + "; rebuild the toolkit");
                }
                m = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = m;
        }
        return m;
    }

    /** Reads a manifest file. */
    public static Manifest read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return parse(r);
        }
    }

    /** Parses manifest JSON: {@code {"datasets": [ {name, version, ..., files, sources}, ... ]}}. */
    public static Manifest parse(Reader reader) {
        JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
        List<DatasetSpec> list = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("datasets")) {
            JsonObject o = e.getAsJsonObject();
            String name = text(o, "name");
            List<FileSpec> files = new ArrayList<>();
            for (JsonElement f : o.getAsJsonArray("files")) {
                JsonObject fo = f.getAsJsonObject();
                files.add(new FileSpec(text(fo, "path"), optText(fo, "sha256"), optText(fo, "md5"),
                        fo.has("size") ? fo.get("size").getAsLong() : -1,
                        fo.has("unpack") && fo.get("unpack").getAsBoolean()));
            }
            List<SourceSpec> sources = new ArrayList<>();
            JsonArray sa = o.getAsJsonArray("sources");
            for (JsonElement s : sa) {
                sources.add(source(name, s.getAsJsonObject()));
            }
            list.add(new DatasetSpec(name, optText(o, "version"), optText(o, "description"),
                    optText(o, "licence"), optText(o, "citation"), files, sources));
        }
        return new Manifest(list);
    }

    private static SourceSpec source(String dataset, JsonObject s) {
        String type = text(s, "type");
        return switch (type) {
            case "installed" -> new SourceSpec.Installed(text(s, "path"));
            case "debian" -> new SourceSpec.Debian(text(s, "package"), text(s, "path"));
            case "npm" -> new SourceSpec.Npm(text(s, "package"), text(s, "path"));
            case "maven" -> new SourceSpec.Maven(text(s, "coordinates"), text(s, "path"));
            case "url" -> new SourceSpec.Url(text(s, "url"));
            default -> throw new IllegalArgumentException(
                    "Data set " + dataset + ": unknown source type '" + type
                            + "' (expected installed, debian, npm, maven or url)");
        };
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("Manifest entry lacks '" + key + "': " + o);
        }
        return e.getAsString();
    }

    private static String optText(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** The known data set names, in manifest order. */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** All specs, in manifest order. */
    public List<DatasetSpec> all() {
        return List.copyOf(specs.values());
    }

    /** True when the manifest lists {@code name}. */
    public boolean contains(String name) {
        return specs.containsKey(name);
    }

    /**
     * The spec for {@code name}; an unknown name gets a message that suggests the closest known
     * name, when one is a likely typo, and lists them all.
     */
    public DatasetSpec get(String name) {
        DatasetSpec s = specs.get(name);
        if (s == null) {
            String guess = closest(String.valueOf(name));
            throw new NoSuchElementException("Unknown data set '" + name + "'"
                    + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                    + ". Known data sets: " + String.join(", ", specs.keySet()));
        }
        return s;
    }

    /** The known name within a few typos of {@code name}, else one it begins, ignoring case; or null. */
    private String closest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, wanted.length() / 3) + 1;
        for (String known : specs.keySet()) {
            int d = editDistance(wanted, known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        if (best == null && !wanted.isBlank()) {
            for (String known : specs.keySet()) {
                if (known.toLowerCase(Locale.ROOT).startsWith(wanted)) {
                    return known;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
