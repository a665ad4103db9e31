package org.deepbrew.kernel.magics;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.aether.artifact.Artifact;

/** The magics every DeepBrew kernel has. */
public final class BuiltinMagics {
    /** Jars named one per line; a {@code %maven} that adds more (Spark brings some 200) gets one summary line. */
    private static final int LISTED = 8;

    private final Set<Path> added = new LinkedHashSet<>();
    private final Supplier<MavenResolver> resolverFactory;
    private MavenResolver resolver;

    private BuiltinMagics(Supplier<MavenResolver> resolverFactory) {
        this.resolverFactory = resolverFactory;
    }

    /** A registry with every built-in magic; {@code %maven} reads {@code ~/.m2/settings.xml}. */
    public static MagicRegistry registry() {
        return registry(() -> MavenResolver.builder().optProgress(System.out).build());
    }

    /** A registry with every built-in magic, resolving {@code %maven} through the given resolver. */
    public static MagicRegistry registry(Supplier<MavenResolver> resolverFactory) {
        BuiltinMagics magics = new BuiltinMagics(resolverFactory);
        MagicRegistry registry = new MagicRegistry();
        registry.register(Magic.line("classpath", "PATH|GLOB...",
                "Add jars or class folders (globs like lib/*.jar work) to the running kernel.",
                (args, body, in) -> magics.addPaths(ClasspathEntries.expand(args), in.context(), false)));
        registry.register(Magic.line("maven", "group:artifact:version...",
                "Resolve artifacts and their dependencies (local repository first) and add the jars.",
                (args, body, in) -> magics.maven(args, in.context())));
        registry.register(Magic.line("load", "FILE.jsh|FILE.java...",
                "Evaluate a file's snippets as if they were typed in this cell.",
                (args, body, in) -> load(args, in)));
        registry.register(Magic.cell("time", "",
                "Run the cell, then print its wall time and the CPU time of the cell thread.",
                (args, body, in) -> CellTimer.time(body, in)));
        registry.register(Magic.line("engine", "",
                "Show the deep learning engine in use and its version.",
                (args, body, in) -> print(in, EngineMagics.engine())));
        registry.register(Magic.line("device", "",
                "Show the devices the engine can use and the one cells use by default.",
                (args, body, in) -> print(in, EngineMagics.devices())));
        registry.register(Magic.line("lsmagic", "",
                "List the magics.",
                (args, body, in) -> print(in, in.registry().describe())));
        return registry;
    }

    private static Object print(MagicInterpreter in, String text) {
        PrintStream out = in.context().out();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return null;
    }

    private static Object load(List<String> files, MagicInterpreter in) throws Exception {
        if (files.isEmpty()) {
            throw new MagicException("Usage: %load FILE.jsh|FILE.java... (for example %load snippets/hello.jsh)");
        }
        Object result = null;
        for (String file : files) {
            // Through the interpreter, so a .jsh file may itself use magics such as %maven.
            result = in.run(SourceFiles.read(file));
            in.context().out().println("Loaded " + file);
        }
        in.context().out().flush();
        return result;
    }

    private Object addPaths(List<Path> paths, MagicContext context, boolean summarize) {
        List<Path> fresh = new ArrayList<>();
        List<Path> known = new ArrayList<>();
        for (Path path : paths) {
            (added.add(path) ? fresh : known).add(path);
        }
        if (!fresh.isEmpty()) {
            context.addToClasspath(fresh.toArray(new Path[0]));
        }
        PrintStream out = context.out();
        if (summarize && paths.size() > LISTED) {
            summary(out, "Added to classpath: ", fresh);
            summary(out, "Already on classpath: ", known);
        } else {
            for (Path path : paths) {
                out.println((fresh.contains(path) ? "Added to classpath: " : "Already on classpath: ") + path);
            }
        }
        out.flush();
        return null;
    }

    /** "Added to classpath: 187 jars: a.jar, b.jar, ... (181 more)", the first ones being the ones asked for. */
    private static void summary(PrintStream out, String what, List<Path> jars) {
        if (jars.isEmpty()) {
            return;
        }
        List<String> names = jars.stream().limit(LISTED - 2).map(p -> p.getFileName().toString()).toList();
        int more = jars.size() - names.size();
        out.println(what + jars.size() + (jars.size() == 1 ? " jar: " : " jars: ") + String.join(", ", names)
                + (more > 0 ? ", … (" + more + " more)" : ""));
    }

    private Object maven(List<String> coordinates, MagicContext context) {
        MavenResolver mavenResolver = resolver();
        List<Artifact> artifacts = mavenResolver.resolveArtifacts(coordinates);
        List<Path> toAdd = new ArrayList<>();
        List<String> provided = new ArrayList<>();
        PrintStream out = context.out();
        for (Artifact artifact : artifacts) {
            Path file = artifact.getFile().toPath();
            String fileName = file.getFileName().toString();
            String kernelJar = KernelClasspath.jarOf(artifact.getArtifactId());
            if (kernelJar == null) {
                toAdd.add(file);
            } else if (kernelJar.equals(fileName)) {
                provided.add(artifact.getArtifactId());
            } else {
                // The kernel's class loader is asked first, so its copy wins: say so instead of failing obscurely later.
                out.println("Warning: the kernel already has " + kernelJar + "; its classes are used instead of " + fileName + ".");
            }
        }
        if (!provided.isEmpty()) {
            out.println("Provided by the kernel: " + String.join(", ", provided));
        }
        if (toAdd.isEmpty()) {
            out.flush();
            return null;
        }
        return addPaths(toAdd, context, true);
    }

    private synchronized MavenResolver resolver() {
        if (resolver == null) {
            resolver = resolverFactory.get();
        }
        return resolver;
    }

    /** The jars the kernel itself was started with. */
    static final class KernelClasspath {
        private KernelClasspath() {}

        /** The file name of the kernel's jar for {@code artifactId} (e.g. {@code commons-csv-1.12.0.jar}), or {@code null}. */
        static String jarOf(String artifactId) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                String name = Paths.get(entry).getFileName() == null ? "" : Paths.get(entry).getFileName().toString();
                if (name.endsWith(".jar") && name.startsWith(artifactId + "-")
                        && name.length() > artifactId.length() + 1 && Character.isDigit(name.charAt(artifactId.length() + 1))) {
                    return name;
                }
            }
            return null;
        }
    }
}
