package org.deepbrew.kernel.magics;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of a Maven {@code settings.xml} that {@code %maven} honours: the local repository
 * folder, offline mode and mirrors. Reading them ourselves keeps the kernel free of Maven's
 * settings builder; server credentials are not read.
 */
final class MavenSettings {

    /** One {@code <mirror>} entry. */
    static final class Mirror {
        final String id;
        final String url;
        final String mirrorOf;

        Mirror(String id, String url, String mirrorOf) {
            this.id = id;
            this.url = url;
            this.mirrorOf = mirrorOf;
        }
    }

    final Path localRepository;
    final boolean offline;
    final List<Mirror> mirrors;

    private MavenSettings(Path localRepository, boolean offline, List<Mirror> mirrors) {
        this.localRepository = localRepository;
        this.offline = offline;
        this.mirrors = List.copyOf(mirrors);
    }

    /** The user's settings ({@code ~/.m2/settings.xml}), or Maven's defaults when there is no such file. */
    static MavenSettings user() {
        return read(Paths.get(System.getProperty("user.home"), ".m2", "settings.xml"));
    }

    /**
     * Settings from {@code file}; defaults when it does not exist.
     *
     * @throws MagicException when the file exists but is not valid XML
     */
    static MavenSettings read(Path file) {
        Path defaultLocal = Paths.get(System.getProperty("user.home"), ".m2", "repository");
        if (!Files.isRegularFile(file)) {
            return new MavenSettings(defaultLocal, false, List.of());
        }
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            doc = builder.parse(in);
        } catch (Exception e) {
            throw new MagicException("%maven: cannot read " + file + ": " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        Path local = child(root, "localRepository").map(MavenSettings::expand).map(Paths::get).orElse(defaultLocal);
        boolean offline = child(root, "offline").map(Boolean::parseBoolean).orElse(false);
        List<Mirror> mirrors = new ArrayList<>();
        for (Element mirrorsElement : children(root, "mirrors")) {
            for (Element mirror : children(mirrorsElement, "mirror")) {
                Optional<String> url = child(mirror, "url");
                if (url.isPresent()) {
                    mirrors.add(new Mirror(child(mirror, "id").orElse("mirror"), url.get(),
                            child(mirror, "mirrorOf").orElse("*")));
                }
            }
        }
        return new MavenSettings(local, offline, mirrors);
    }

    private static String expand(String value) {
        String home = System.getProperty("user.home");
        return value.replace("${user.home}", home).replaceFirst("^~(?=/|$)", home);
    }

    private static Optional<String> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element) {
                String local = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
                if (local.equals(name)) {
                    found.add((Element) node);
                }
            }
        }
        return found;
    }
}
