package org.deepbrew.kernel.magics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The magics a kernel knows, by kind and name. */
public final class MagicRegistry {
    private final Map<String, Magic> lineMagics = new TreeMap<>();
    private final Map<String, Magic> cellMagics = new TreeMap<>();

    /** Adds a magic, replacing any of the same kind and name; returns this registry. */
    public MagicRegistry register(Magic magic) {
        table(magic.kind()).put(magic.name(), magic);
        return this;
    }

    /** The magic of this kind and name, if registered. */
    public Optional<Magic> find(Magic.Kind kind, String name) {
        return Optional.ofNullable(table(kind).get(name));
    }

    /**
     * The magic of this kind and name.
     *
     * @throws MagicException naming the known magics when there is none
     */
    public Magic require(Magic.Kind kind, String name) {
        Magic magic = table(kind).get(name);
        if (magic != null) {
            return magic;
        }
        StringBuilder message = new StringBuilder("Unknown ")
                .append(kind == Magic.Kind.LINE ? "line" : "cell").append(" magic ")
                .append(kind.prefix()).append(name).append('.');
        Magic.Kind other = kind == Magic.Kind.LINE ? Magic.Kind.CELL : Magic.Kind.LINE;
        if (table(other).containsKey(name)) {
            message.append(" Did you mean ").append(other.prefix()).append(name).append('?');
        }
        message.append(" Known magics: ").append(String.join(", ", names())).append('.');
        throw new MagicException(message.toString());
    }

    /** All magics, line magics first, each kind sorted by name. */
    public List<Magic> all() {
        List<Magic> all = new ArrayList<>(lineMagics.values());
        all.addAll(cellMagics.values());
        return Collections.unmodifiableList(all);
    }

    /** All names with their prefix, e.g. {@code %load}, {@code %%time}. */
    public List<String> names() {
        return all().stream().map(Magic::toString).collect(Collectors.toList());
    }

    /** A table of every magic, its usage and what it does, as {@code %lsmagic} prints it. */
    public String describe() {
        int width = all().stream().mapToInt(m -> m.usage().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        appendKind(text, "Line magics", lineMagics, width);
        text.append('\n');
        appendKind(text, "Cell magics", cellMagics, width);
        return text.toString();
    }

    private static void appendKind(StringBuilder text, String title, Map<String, Magic> magics, int width) {
        text.append(title).append(":\n");
        if (magics.isEmpty()) {
            text.append("  (none)\n");
        }
        for (Magic magic : magics.values()) {
            text.append("  ").append(String.format("%-" + width + "s", magic.usage()))
                    .append("  ").append(magic.summary()).append('\n');
        }
    }

    private Map<String, Magic> table(Magic.Kind kind) {
        return kind == Magic.Kind.LINE ? lineMagics : cellMagics;
    }
}
