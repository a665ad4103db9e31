package org.deepbrew.data;

import java.util.Objects;

/**
 * One file of a data set: where it lives inside the data set's cache folder and the digest that
 * proves it is intact.
 *
 * @param path path relative to the data set's folder, with forward slashes
 * @param sha256 expected SHA-256 in lower-case hex, or {@code null} when only an MD5 is published
 * @param md5 expected MD5 in lower-case hex, or {@code null}; used only when {@code sha256} is absent
 * @param size expected size in bytes, or {@code -1} when unknown
 * @param unpack true when the file is an archive whose contents the loaders read
 */
public record FileSpec(String path, String sha256, String md5, long size, boolean unpack) {

    /** Checks the path cannot leave the data set's folder. */
    public FileSpec {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\")
                || ("/" + path + "/").contains("/../")) {
            throw new IllegalArgumentException("File path must be relative and stay inside its folder: " + path);
        }
    }

    /** A file known by its SHA-256 and size. */
    public static FileSpec of(String path, String sha256, long size) {
        return new FileSpec(path, sha256, null, size, false);
    }

    /** True when a digest is known, so the file can be verified. */
    public boolean verifiable() {
        return sha256 != null || md5 != null;
    }

    /** The last path element, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
