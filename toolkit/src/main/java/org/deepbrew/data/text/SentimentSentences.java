package org.deepbrew.data.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The UCI "Sentiment Labelled Sentences" (Kotzias et al., 2015): 500 positive and 500 negative
 * one-line reviews from each of IMDb, Amazon and Yelp; label 1 = positive, 0 = negative.
 *
 * <p>Each source file also holds one entry without a class; it is skipped and counted in
 * {@link #skippedUnlabelled()} rather than guessed.
 */
public final class SentimentSentences {
    /** Name of the data set in the manifest. */
    public static final String NAME = "sentiment-sentences";

    /** Where the sentences were written. */
    public enum Source {
        IMDB, AMAZON, YELP;

        /** The file holding this source's sentences. */
        public String fileName() {
            return name().toLowerCase(Locale.ROOT) + ".json";
        }
    }

    private static final AtomicInteger SKIPPED = new AtomicInteger();

    private SentimentSentences() {}

    /** The 1,000 labelled sentences of one source, in file order. */
    public static List<LabeledText> load(Source source) {
        return load(source, DatasetResolver.standard());
    }

    /** As {@link #load(Source)}, resolving the files through {@code resolver}. */
    public static List<LabeledText> load(Source source, DatasetResolver resolver) {
        try {
            return read(resolver.resolve(NAME).resolve(source.fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All three sources, IMDb then Amazon then Yelp (3,000 sentences). */
    public static List<LabeledText> loadAll() {
        List<LabeledText> all = new ArrayList<>();
        for (Source s : Source.values()) {
            all.addAll(load(s));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * How many entries without a class the loads so far skipped (one per file per load).
     */
    public static int skippedUnlabelled() {
        return SKIPPED.get();
    }

    /**
     * Reads a JSON list of {@code {"text": ..., "class": 0|1|null}}; entries whose class is null or
     * absent are skipped and counted.
     */
    public static List<LabeledText> read(Path file) throws IOException {
        JsonArray rows = JsonFiles.readList(file, "{\"text\", \"class\"} objects");
        List<LabeledText> out = new ArrayList<>();
        int index = 0;
        for (JsonElement e : rows) {
            if (!e.isJsonObject()) {
                throw new IOException(file + ": entry " + index + " is not an object: " + e);
            }
            JsonObject o = e.getAsJsonObject();
            JsonElement cls = o.get("class");
            JsonElement text = o.get("text");
            if (cls == null || cls.isJsonNull() || text == null || text.isJsonNull()) {
                SKIPPED.incrementAndGet();
            } else {
                int label = cls.getAsInt();
                if (label != 0 && label != 1) {
                    throw new IOException(file + ": entry " + index + " has class " + label + ", expected 0 or 1");
                }
                out.add(new LabeledText(text.getAsString().strip(), label));
            }
            index++;
        }
        return Collections.unmodifiableList(out);
    }
}
