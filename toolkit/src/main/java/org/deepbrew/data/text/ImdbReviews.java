package org.deepbrew.data.text;

import org.deepbrew.data.DatasetResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Large Movie Review Dataset (Maas et al., 2011), laid out as
 * {@code aclImdb/{train,test}/{pos,neg}/ID_RATING.txt}: 25,000 reviews per part, label 1 for
 * {@code pos}, 0 for {@code neg}. Needs a network the first time (about 84 MB).
 */
public final class ImdbReviews {
    /** Name of the data set in the manifest. */
    public static final String NAME = "aclImdb";

    /** Which half of the data set. */
    public enum Part { TRAIN, TEST }

    private ImdbReviews() {}

    /** The reviews of {@code part}, fetched and unpacked on first use. */
    public static List<LabeledText> load(Part part) {
        return read(DatasetResolver.standard().resolve(NAME), part, Integer.MAX_VALUE);
    }

    /**
     * Reads {@code part} from a folder holding {@code aclImdb/} (or being it), at most {@code limit}
     * reviews per class, in file-name order so the result is repeatable.
     */
    public static List<LabeledText> read(Path root, Part part, int limit) {
        Path base = Files.isDirectory(root.resolve("aclImdb")) ? root.resolve("aclImdb") : root;
        Path dir = base.resolve(part.name().toLowerCase());
        if (!Files.isDirectory(dir.resolve("pos")) || !Files.isDirectory(dir.resolve("neg"))) {
            throw new IllegalArgumentException("Expected " + dir + "/pos and " + dir + "/neg folders of .txt reviews");
        }
        List<LabeledText> out = new ArrayList<>();
        try {
            for (String cls : List.of("neg", "pos")) {
                List<Path> files;
                try (Stream<Path> s = Files.list(dir.resolve(cls))) {
                    files = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(limit).toList();
                }
                for (Path f : files) {
                    String text = Files.readString(f, StandardCharsets.UTF_8).replace("<br />", " ").strip();
                    out.add(new LabeledText(text, cls.equals("pos") ? 1 : 0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(out);
    }
}
