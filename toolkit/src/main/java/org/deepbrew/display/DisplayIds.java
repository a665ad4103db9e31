package org.deepbrew.display;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes display ids such as {@code progress-3fa9c1-4}: a kind, a per-JVM session tag and a
 * counter. The session tag keeps ids unique across kernel restarts, when the browser page still
 * holds the previous session's outputs under their old ids.
 */
final class DisplayIds {
    private static final String SESSION = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private static final AtomicLong NEXT = new AtomicLong(1);

    private DisplayIds() {}

    static String next(String kind) {
        String k = kind == null || kind.isBlank() ? "display" : kind.strip().replaceAll("[^A-Za-z0-9_-]", "-");
        return k + "-" + SESSION + "-" + NEXT.getAndIncrement();
    }
}
