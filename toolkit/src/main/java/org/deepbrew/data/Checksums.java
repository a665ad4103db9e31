package org.deepbrew.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of files, in lower-case hex. */
public final class Checksums {
    private Checksums() {}

    /** SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        return digest(file, "SHA-256");
    }

    /** MD5 of a file (only for originals whose publishers list nothing stronger). */
    public static String md5(Path file) throws IOException {
        return digest(file, "MD5");
    }

    private static String digest(Path file, String algorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Why {@code file} does not match {@code spec}, or {@code null} when it does. Size is checked
     * first: it is free and catches truncation.
     */
    public static String mismatch(FileSpec spec, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        long size = Files.size(file);
        if (spec.size() >= 0 && size != spec.size()) {
            return "size " + size + " bytes, expected " + spec.size();
        }
        if (spec.sha256() != null) {
            String actual = sha256(file);
            return actual.equalsIgnoreCase(spec.sha256()) ? null
                    : "SHA-256 " + actual + ", expected " + spec.sha256();
        }
        if (spec.md5() != null) {
            String actual = md5(file);
            return actual.equalsIgnoreCase(spec.md5()) ? null : "MD5 " + actual + ", expected " + spec.md5();
        }
        return null;
    }
}
