package org.deepbrew.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One output as Jupyter sees it: the same content in several MIME types, richest first, plus
 * per-type metadata. Text types hold a {@code String}; binary types ({@code image/png}) hold
 * base64 text; {@code application/json} may hold a {@code Map}.
 */
public final class MimeBundle {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private MimeBundle() {}

    /** A bundle with one representation. */
    public static MimeBundle of(String mimeType, Object content) {
        return new MimeBundle().with(mimeType, content);
    }

    /** A plain-text-only bundle. */
    public static MimeBundle text(String text) {
        return of("text/plain", text);
    }

    /** Adds (or replaces) one representation; returns this bundle for chaining. */
    public MimeBundle with(String mimeType, Object content) {
        data.put(Objects.requireNonNull(mimeType, "mimeType"), Objects.requireNonNull(content, "content"));
        return this;
    }

    /** Adds metadata for one MIME type (for example an image's width); returns this bundle. */
    public MimeBundle withMetadata(String mimeType, Map<String, Object> meta) {
        metadata.put(mimeType, meta);
        return this;
    }

    /** The representations, in insertion order. */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** Per-type metadata. */
    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** True when the bundle carries {@code mimeType}. */
    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    /** The content for {@code mimeType}, or {@code null}. */
    public Object get(String mimeType) {
        return data.get(mimeType);
    }

    /** The plain-text form, which every bundle shown to a person should carry. */
    public String plainText() {
        Object t = data.get("text/plain");
        return t == null ? "" : t.toString();
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
