package org.deepbrew.kernel.magics;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;

/**
 * Resolves Maven coordinates together with their transitive runtime dependencies, in one
 * resolution so that Maven's version mediation picks one version of each library. The local
 * repository is tried first without touching the network; only what is missing there is fetched
 * from the remote repository (Maven Central unless configured otherwise, through the mirrors in
 * {@code ~/.m2/settings.xml}).
 *
 * <pre>
 * List&lt;Path&gt; jars = MavenResolver.builder().build()
 *         .resolve(List.of("org.apache.commons:commons-text:1.12.0"));
 * </pre>
 */
public final class MavenResolver {
    private static final Pattern COORDINATES = Pattern.compile("[^: ]+:[^: ]+(:[^: ]*){0,2}:[^: ]+");

    private final Path localRepository;
    private final List<RemoteRepository> remotes;
    private final List<MavenSettings.Mirror> mirrors;
    private final boolean offline;
    private final PrintStream progress;
    private RepositorySystem system;

    private MavenResolver(Builder builder) {
        this.localRepository = builder.localRepository;
        List<RemoteRepository> all = new ArrayList<>();
        if (builder.useCentral) {
            all.add(new RemoteRepository.Builder("central", "default", centralUrl()).build());
        }
        all.addAll(builder.remotes);
        this.remotes = List.copyOf(all);
        this.mirrors = List.copyOf(builder.mirrors);
        this.offline = builder.offline;
        this.progress = builder.progress;
    }

    /** A builder preset from {@code ~/.m2/settings.xml} (local repository, offline flag, mirrors) and Maven Central. */
    public static Builder builder() {
        return new Builder(MavenSettings.user());
    }

    /** The local repository this resolver reads first and downloads into. */
    public Path localRepository() {
        return localRepository;
    }

    /**
     * Resolves {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version}) and
     * their runtime dependencies.
     *
     * @return the resolved files, in dependency order (requested artifacts first)
     * @throws MagicException for malformed coordinates, or naming what could not be found and where it was looked for
     */
    public List<Path> resolve(List<String> coordinates) {
        return resolveArtifacts(coordinates).stream().map(a -> a.getFile().toPath()).collect(Collectors.toList());
    }

    /** Like {@link #resolve}, keeping each file's artifact coordinates. */
    public List<Artifact> resolveArtifacts(List<String> coordinates) {
        if (coordinates.isEmpty()) {
            throw new MagicException("Usage: %maven group:artifact:version... (for example %maven org.apache.commons:commons-csv:1.12.0)");
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (String text : coordinates) {
            if (!COORDINATES.matcher(text).matches()) {
                throw new MagicException("%maven: '" + text + "' is not group:artifact:version (for example "
                        + "org.apache.commons:commons-csv:1.12.0).");
            }
            dependencies.add(new Dependency(new DefaultArtifact(text), JavaScopes.RUNTIME));
        }
        try {
            // First pass: local repository only, so that whatever is already there needs no network.
            return resolveWith(dependencies, true);
        } catch (DependencyResolutionException localMiss) {
            if (offline || remotes.isEmpty()) {
                throw new MagicException("%maven: could not resolve " + String.join(", ", coordinates)
                        + " from the local repository " + localRepository + " (remote repositories are off): "
                        + rootMessage(localMiss), localMiss);
            }
            try {
                return resolveWith(dependencies, false);
            } catch (DependencyResolutionException remoteMiss) {
                throw new MagicException("%maven: could not resolve " + String.join(", ", coordinates)
                        + " from " + localRepository + " nor from " + describeRemotes() + ": " + rootMessage(remoteMiss),
                        remoteMiss);
            }
        }
    }

    private List<Artifact> resolveWith(List<Dependency> dependencies, boolean localOnly)
            throws DependencyResolutionException {
        RepositorySystem repositorySystem = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // "simple" trusts whatever the local repository holds, however it got there: what an offline user wants.
        session.setLocalRepositoryManager(repositorySystem.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile(), "simple")));
        session.setOffline(localOnly);
        session.setSystemProperties(System.getProperties());
        session.setConfigProperty("aether.connector.connectTimeout", 15_000);
        session.setConfigProperty("aether.connector.requestTimeout", 60_000);
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror mirror : mirrors) {
            selector.add(mirror.id, mirror.url, "default", false, false, mirror.mirrorOf, "*");
        }
        session.setMirrorSelector(selector);
        if (progress != null && !localOnly) {
            session.setTransferListener(new AbstractTransferListener() {
                @Override
                public void transferSucceeded(TransferEvent event) {
                    // Jars are what the user waits for; the many small POMs would only be noise.
                    String name = event.getResource().getResourceName();
                    if (name.endsWith(".jar")) {
                        progress.printf("Downloaded %s (%,d KiB)%n", name.substring(name.lastIndexOf('/') + 1),
                                event.getTransferredBytes() / 1024);
                        progress.flush();
                    }
                }
            });
        }
        CollectRequest collect = new CollectRequest();
        collect.setDependencies(dependencies);
        collect.setRepositories(repositorySystem.newResolutionRepositories(session, remotes));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        return repositorySystem.resolveDependencies(session, request).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact)
                .collect(Collectors.toList());
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private String describeRemotes() {
        String names = remotes.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
        return mirrors.isEmpty() ? names : names + " via mirror " + mirrors.get(0).url;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = error.getMessage();
        return cause == error || message.contains(String.valueOf(cause.getMessage())) ? message
                : message + " (" + cause.getMessage() + ")";
    }

    /**
     * The address of Maven Central, taken from Maven's own super POM (inside the Maven model
     * jar) so that this project does not hard-code it.
     */
    static String centralUrl() {
        try (InputStream in = MavenResolver.class.getClassLoader().getResourceAsStream("org/apache/maven/model/pom-4.0.0.xml")) {
            if (in != null) {
                String pom = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("<id>central</id>.*?<url>([^<]+)</url>", Pattern.DOTALL).matcher(pom);
                if (m.find()) {
                    return m.group(1).trim();
                }
            }
        } catch (java.io.IOException e) {
            throw new MagicException("%maven: cannot read Maven's super POM to find the central repository", e);
        }
        throw new MagicException("%maven: Maven's super POM is missing from the kernel classpath");
    }

    /** Configures a {@link MavenResolver}. */
    public static final class Builder {
        private Path localRepository;
        private final List<RemoteRepository> remotes = new ArrayList<>();
        private final List<MavenSettings.Mirror> mirrors = new ArrayList<>();
        private boolean offline;
        private PrintStream progress;
        private boolean useCentral = true;

        private Builder(MavenSettings settings) {
            this.localRepository = settings.localRepository;
            this.offline = settings.offline;
            this.mirrors.addAll(settings.mirrors);
        }

        /** Uses {@code folder} as the local repository instead of {@code ~/.m2/repository}. */
        public Builder optLocalRepository(Path folder) {
            this.localRepository = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Adds a remote repository, tried after the local one (after Maven Central unless {@link #optNoCentral}). */
        public Builder addRemote(String id, String url) {
            remotes.add(new RemoteRepository.Builder(id, "default", url).build());
            return this;
        }

        /** Never goes to the network: only the local repository is used. */
        public Builder optOffline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Drops the default remote (Maven Central) and any mirrors read from settings.xml. */
        public Builder optNoCentral() {
            useCentral = false;
            mirrors.clear();
            return this;
        }

        /** Where to report downloads; {@code null} (the default) reports nothing. */
        public Builder optProgress(PrintStream out) {
            this.progress = out;
            return this;
        }

        /** The resolver. */
        public MavenResolver build() {
            return new MavenResolver(this);
        }
    }
}
