package org.deepbrew.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON data files of the data sets, with messages that name the file and what was expected. */
public final class JsonFiles {
    private JsonFiles() {}

    /**
     * The top-level list of {@code file}.
     *
     * @param rows what each entry should be, for the message when the file holds no list
     */
    public static JsonArray readList(Path file, String rows) throws IOException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = JsonParser.parseReader(r);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IOException(file + " should hold a JSON list of " + rows);
        }
        return root.getAsJsonArray();
    }
}
