package dev.perfgate.core.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.json.HostJson;
import dev.perfgate.core.json.JsonErrors;
import dev.perfgate.core.json.JsonPath;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.json.SchemaVersion;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host file beside a JMH results file, {@code results.host.json} beside {@code results.json}:
 * which host measured the results, so that a command reading them on another machine (the gate
 * job that merges CI shards, a developer's laptop) compares them as what they are, not as results
 * of the machine reading them. JMH's own file stays exactly as JMH wrote it.
 *
 * <pre>
 * { "schema": 1, "hosts": [ { "results": "results.json", "fingerprint": {...}, "host": {...} } ] }
 * </pre>
 * A merged file lists one entry per shard.
 */
public final class HostFile {

    /** The schema version written and the newest read. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = ModelJson.mapper();

    private HostFile() {
    }

    /**
     * Where one results file was measured.
     *
     * @param results     the results file's name, e.g. {@code shard-1.json}
     * @param fingerprint machine and JVM
     * @param host        the host identity
     */
    public record Entry(String results, Fingerprint fingerprint, HostIdentity host) {
        public Entry {
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(host, "host");
        }
    }

    /** {@code x.host.json} for {@code x.json}; {@code x.host.json} for any other name {@code x}. */
    public static Path pathFor(Path results) {
        String name = results.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return results.resolveSibling(stem + ".host.json");
    }

    /** Writes the host file of a results file, atomically. */
    public static void write(Path results, List<Entry> entries) throws IOException {
        ObjectNode root = ModelJson.object();
        root.put("schema", SCHEMA_VERSION);
        ArrayNode hosts = root.putArray("hosts");
        for (Entry e : entries) {
            ObjectNode node = hosts.addObject();
            node.put("results", e.results());
            node.set("fingerprint", ModelJson.fingerprint(e.fingerprint()));
            node.set("host", HostJson.write(e.host()));
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            SafeFiles.writeAtomically(pathFor(results), MAPPER.writer(printer).writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The host that measured a results file: the host file's, or null when there is none or its
     * entries (shards merged) are of more than one host class, so that no one host measured it.
     *
     * @param platform the platform the results are compared on: the host classes' platform
     */
    public static HostIdentity hostOf(Path results, PlatformKey platform) throws InputException {
        List<Entry> entries = read(results, platform).orElse(List.of());
        boolean oneClass = entries.stream().map(e -> e.host().hostClass()).distinct().count() == 1;
        return oneClass ? entries.get(0).host() : null;
    }

    /**
     * The host file of a results file, or empty when there is none.
     *
     * @param platform the platform the results are compared on: the host classes' platform
     */
    public static Optional<List<Entry>> read(Path results, PlatformKey platform) throws InputException {
        Path file = pathFor(results);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonErrors.syntax(file.toString(), e);
        }
        JsonPath path = new JsonPath(file.toString());
        path.requireObject("$", root);
        SchemaVersion.read(path, "$", root, "schema", SCHEMA_VERSION);
        JsonNode hosts = root.get("hosts");
        path.requireArray("$.hosts", hosts);
        if (hosts.isEmpty()) {
            throw path.error("$.hosts", "names no host");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String at = "$.hosts[" + i + "]";
            JsonNode node = hosts.get(i);
            path.requireObject(at, node);
            entries.add(new Entry(path.requiredText(at + ".results", node.get("results")),
                    ModelJson.readFingerprint(path, at + ".fingerprint", node.get("fingerprint")),
                    HostJson.read(path, at + ".host", node.get("host"), platform)));
        }
        return Optional.of(entries);
    }
}
