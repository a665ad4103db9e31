package org.deepbrew.data.cli;

import org.deepbrew.data.DataSize;
import org.deepbrew.data.DatasetResolver;
import org.deepbrew.data.DatasetSpec;
import org.deepbrew.data.FileSpec;
import org.deepbrew.data.Manifest;
import org.deepbrew.data.SourceSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code deepbrew data list | fetch NAME... | verify [NAME...] | readme [FILE]}: inspect, fill,
 * repair and check the data cache.
 */
public final class DataCommand {
    private final DatasetResolver resolver;
    private final PrintStream out;
    private final PrintStream err;

    /** A command over {@code resolver}, printing to the given streams. */
    public DataCommand(DatasetResolver resolver, PrintStream out, PrintStream err) {
        this.resolver = resolver;
        this.out = out;
        this.err = err;
    }

    /** Entry point; exits with the status {@link #run} returns. */
    public static void main(String[] args) {
        System.exit(new DataCommand(DatasetResolver.standard(), System.out, System.err).run(args));
    }

    /** Runs a sub-command; returns 0 on success, 1 when something is missing or damaged, 2 on usage errors. */
    public int run(String... args) {
        if (args.length == 0) {
            args = new String[] {"list"};
        }
        List<String> names = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "list" -> list();
                case "fetch" -> fetch(names);
                case "verify" -> verify(names);
                case "readme" -> readme(names);
                default -> usage("unknown sub-command '" + args[0] + "'");
            };
        } catch (java.util.NoSuchElementException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("usage: deepbrew data list | fetch NAME... | verify [NAME...] | readme [FILE]");
        err.println("data sets: " + String.join(", ", resolver.manifest().names()));
        return 2;
    }

    private int list() {
        out.println("Cache: " + resolver.cache().root());
        out.printf("%-20s %5s %10s  %-7s %s%n", "name", "files", "size", "cached", "offline source");
        for (DatasetSpec s : resolver.manifest().all()) {
            out.printf("%-20s %5d %10s  %-7s %s%n", s.name(), s.files().size(), size(s),
                    resolver.cached(s.name()) ? "yes" : "no", s.offline() ? "yes" : "no (needs a network)");
        }
        return 0;
    }

    private static String size(DatasetSpec s) {
        boolean unknown = s.files().stream().anyMatch(f -> f.size() < 0);
        return unknown ? "?" : DataSize.format(s.totalSize());
    }

    private int fetch(List<String> names) {
        if (names.isEmpty()) {
            return usage("fetch needs at least one data set name");
        }
        names.forEach(resolver.manifest()::get);
        int failures = 0;
        for (String name : names) {
            try {
                Path dir = resolver.resolve(name);
                out.println("✓ " + name + " → " + dir);
            } catch (RuntimeException e) {
                failures++;
                err.println("✗ " + name + ": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int verify(List<String> names) {
        List<String> todo = names.isEmpty() ? resolver.manifest().names() : names;
        todo.forEach(resolver.manifest()::get);
        int bad = 0;
        for (String name : todo) {
            List<String> problems = resolver.verify(name);
            boolean explicit = !names.isEmpty();
            boolean absent = problems.size() == resolver.manifest().get(name).files().size()
                    && problems.stream().allMatch(p -> p.endsWith(": missing"));
            if (problems.isEmpty()) {
                out.println("✓ " + name);
            } else if (absent && !explicit) {
                out.println("- " + name + " (not fetched)");
            } else {
                bad += problems.size();
                problems.forEach(p -> err.println("✗ " + p));
            }
        }
        if (bad > 0) {
            err.println(bad + " file(s) missing or damaged; 'deepbrew data fetch NAME' repairs them");
        }
        return bad == 0 ? 0 : 1;
    }

    private int readme(List<String> args) {
        String text = readmeText(resolver.manifest());
        if (args.isEmpty()) {
            out.print(text);
            return 0;
        }
        try {
            Files.writeString(Path.of(args.get(0)), text);
            out.println("wrote " + args.get(0));
            return 0;
        } catch (IOException e) {
            err.println("cannot write " + args.get(0) + ": " + e.getMessage());
            return 1;
        }
    }

    /** {@code datasets/README.md}, rendered from the manifest (a test keeps the file in sync). */
    public static String readmeText(Manifest manifest) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Data sets\n\n")
                .append("Generated from [`manifest.json`](manifest.json) by ")
                .append("`java -cp \"kernel/target/lib/*\" org.deepbrew.data.cli.DataCommand readme datasets/README.md`")
                .append("; do not edit by hand.\n\n")
                .append("`./deepbrew data fetch NAME` puts a data set in the cache (`$DEEPBREW_DATA`, default ")
                .append("`~/.deepbrew/data`), trying its sources in the order below and checking every file's digest; ")
                .append("`./deepbrew data verify` re-checks the cache. In Java: `Datasets.resolve(\"NAME\")`.\n\n")
                .append("| name | version | files | size | sources, in order | licence |\n")
                .append("|---|---|---|---|---|---|\n");
        for (DatasetSpec s : manifest.all()) {
            List<String> sources = new ArrayList<>();
            for (SourceSpec src : s.sources()) {
                sources.add(src.type() + ": " + describe(src));
            }
            sb.append("| ").append(s.name()).append(" | ").append(cell(s.version())).append(" | ")
                    .append(s.files().size()).append(" | ")
                    .append(size(s)).append(" | ")
                    .append(cell(String.join("<br>", sources))).append(" | ")
                    .append(cell(s.licence())).append(" |\n");
        }
        sb.append("\n## Details\n");
        for (DatasetSpec s : manifest.all()) {
            sb.append("\n### ").append(s.name()).append("\n\n").append(s.description()).append("\n\n")
                    .append("Cite: ").append(s.citation()).append("\n\n")
                    .append("| file | size | digest |\n|---|---|---|\n");
            for (FileSpec f : s.files()) {
                String digest = f.sha256() != null ? "SHA-256 `" + f.sha256() + "`"
                        : f.md5() != null ? "MD5 `" + f.md5() + "`" : "none published";
                sb.append("| `").append(f.path()).append("`").append(f.unpack() ? " (unpacked)" : "")
                        .append(" | ").append(f.size() >= 0 ? f.size() + " B" : "?")
                        .append(" | ").append(digest).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String describe(SourceSpec s) {
        if (s instanceof SourceSpec.Installed i) {
            return "`" + i.path() + "`";
        } else if (s instanceof SourceSpec.Debian d) {
            return "`" + d.packageName() + "` `/" + d.path() + "`";
        } else if (s instanceof SourceSpec.Npm n) {
            return "`" + n.packageSpec() + "` `" + n.path() + "`";
        } else if (s instanceof SourceSpec.Maven m) {
            return "`" + m.coordinates() + "` `" + m.path() + "`";
        } else if (s instanceof SourceSpec.Url u) {
            return u.url();
        }
        return s.describe();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
