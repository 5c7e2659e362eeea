package dev.perfgate.cli.init;

import dev.perfgate.core.InputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of one {@code pom.xml} that tell where its benchmarks jar is built: coordinates,
 * properties, modules, dependencies and plugin settings, with {@code ${...}} references resolved
 * against the pom's own properties and those it inherits from the aggregator it was read with.
 * Profiles and parents outside the repository are not read: a value that needs them is unresolved.
 */
final class MavenPom {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Path file;
    private final String label;
    private final Element project;
    private final Map<String, String> properties;

    private MavenPom(Path file, String label, Element project, Map<String, String> inherited) {
        this.file = file;
        this.label = label;
        this.project = project;
        Map<String, String> props = new HashMap<>(inherited);
        Element own = child(project, "properties");
        if (own != null) {
            for (Element p : children(own)) {
                props.put(p.getTagName(), p.getTextContent().strip());
            }
        }
        text(project, "artifactId").ifPresent(a -> props.put("project.artifactId", a));
        props.put("project.basedir", ".");
        props.put("basedir", ".");
        props.put("project.build.directory", "target");
        Optional<String> version = text(project, "version").or(() -> text(child(project, "parent"), "version"));
        version.ifPresentOrElse(v -> props.put("project.version", v), () -> props.remove("project.version"));
        this.properties = props;
    }

    /**
     * Reads a pom.
     *
     * @param file      the pom
     * @param label     how messages name it, e.g. {@code bench/pom.xml}
     * @param inherited properties of the aggregator whose child this pom is (empty for the root)
     * @throws InputException when the file cannot be read or is not a pom, naming the line
     */
    static MavenPom read(Path file, String label, Map<String, String> inherited) throws InputException {
        try {
            Element root = builder().parse(file.toFile()).getDocumentElement();
            if (!"project".equals(root.getTagName())) {
                throw new InputException(label, null, "not a Maven pom: its root element is <" + root.getTagName() + ">");
            }
            return new MavenPom(file, label, root, inherited);
        } catch (SAXParseException e) {
            throw new InputException(label, "line " + e.getLineNumber(), "not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new InputException(label, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors thrown, nothing printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    /** The pom file. */
    Path file() {
        return file;
    }

    /** How messages name the pom. */
    String label() {
        return label;
    }

    /** The pom's properties with the ones it inherits, for its modules. */
    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** The entries of {@code <modules>}, as written. */
    List<String> modules() {
        List<String> modules = new ArrayList<>();
        Element list = child(project, "modules");
        if (list != null) {
            for (Element m : children(list)) {
                if (m.getTagName().equals("module")) {
                    modules.add(m.getTextContent().strip());
                }
            }
        }
        return modules;
    }

    /** Whether {@code <dependencies>} (not dependencyManagement) names this artifact. */
    boolean dependsOn(String groupId, String artifactId) {
        Element deps = child(project, "dependencies");
        if (deps == null) {
            return false;
        }
        for (Element d : children(deps)) {
            if (text(d, "groupId").filter(groupId::equals).isPresent()
                    && text(d, "artifactId").filter(artifactId::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code <build><plugins>} holds this plugin. */
    boolean hasPlugin(String artifactId) {
        return plugin(artifactId) != null;
    }

    /**
     * A setting of a plugin of {@code <build><plugins>}: from its {@code <configuration>}, else from
     * the first of its executions that sets it; references resolved.
     *
     * @return empty when not set; a value that still holds an unresolved {@code ${...}} when it
     *         refers to something this pom cannot tell
     */
    Optional<String> pluginSetting(String artifactId, String name) {
        Element plugin = plugin(artifactId);
        if (plugin == null) {
            return Optional.empty();
        }
        Optional<String> value = text(child(plugin, "configuration"), name);
        Element executions = child(plugin, "executions");
        if (value.isEmpty() && executions != null) {
            for (Element execution : children(executions)) {
                value = text(child(execution, "configuration"), name);
                if (value.isPresent()) {
                    break;
                }
            }
        }
        return value.map(this::resolve);
    }

    /** {@code <build><finalName>}, resolved; {@code artifactId-version} by default. */
    String buildFinalName() {
        return text(child(project, "build"), "finalName").map(this::resolve)
                .orElseGet(() -> resolve("${project.artifactId}-${project.version}"));
    }

    /** A property, resolved; empty when the pom does not set it. */
    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).map(this::resolve);
    }

    /** Replaces {@code ${name}} references by the pom's properties, as far as they are known. */
    String resolve(String text) {
        String current = text;
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = REFERENCE.matcher(current);
            StringBuilder next = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = properties.get(name.startsWith("pom.") ? "project." + name.substring(4) : name);
                m.appendReplacement(next, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(next);
            if (next.toString().equals(current)) {
                break;
            }
            current = next.toString();
        }
        return current;
    }

    /** Whether a resolved value still refers to something unknown. */
    static boolean unresolved(String value) {
        return REFERENCE.matcher(value).find();
    }

    private Element plugin(String artifactId) {
        Element plugins = child(child(project, "build"), "plugins");
        if (plugins == null) {
            return null;
        }
        for (Element p : children(plugins)) {
            if (text(p, "artifactId").filter(artifactId::equals).isPresent()) {
                return p;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Optional<String> text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? Optional.empty() : Optional.of(e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }
}
