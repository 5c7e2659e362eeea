package dev.perfgate.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Schema versions of the files perfgate writes, and what a reader says about a version it does
 * not know.
 *
 * <p>Every file (a baseline, each history line, the JSON reports) carries its schema version, and
 * the files perfgate keeps also carry {@code "requires": "perf-gate X"}, the first release that
 * reads that version. A perfgate that meets a newer schema cannot know what changed, but it can
 * read that field, which every schema version keeps, and tell the user which release to install.
 * An optional field that older readers may ignore does not need a new version; a change they
 * would misread does.
 */
public final class SchemaVersion {

    /** The first perf-gate release that reads version {@code v} is {@code FIRST_READER[v - 1]}. */
    private static final String[] FIRST_READER = {"0.1.0", "0.2.0"};

    /** The field naming the release a file needs. */
    public static final String REQUIRES = "requires";

    private static final Pattern RELEASE = Pattern.compile("perf-gate \\d{1,4}(\\.\\d{1,4}){0,3}([-.+][0-9A-Za-z]{1,20})?");

    private static final String TOOL_VERSION = readToolVersion();

    private SchemaVersion() {
    }

    /** This perfgate's version, e.g. {@code 0.1.0}; {@code (development build)} when unknown. */
    public static String toolVersion() {
        return TOOL_VERSION;
    }

    /** {@code "perf-gate X"}, X being the first release that reads schema {@code version}. */
    public static String requires(int version) {
        if (version < 1 || version > FIRST_READER.length) {
            throw new IllegalArgumentException("no release is known to read schema version " + version);
        }
        return "perf-gate " + FIRST_READER[version - 1];
    }

    /** Writes {@code key: version} and {@code "requires"} into a file's top-level object. */
    public static void put(ObjectNode node, String key, int version) {
        node.put(key, version);
        node.put(REQUIRES, requires(version));
    }

    /**
     * Reads and checks a file's schema version.
     *
     * @param key       the version field, e.g. {@code "version"} or {@code "schema"}
     * @param supported the newest version this perfgate reads
     * @return the version, in [1, supported]
     * @throws InputException when it is missing, not a whole number >= 1, or newer than {@code supported};
     *                        for a newer one the message names the release the file says it needs
     */
    public static int read(JsonPath path, String at, JsonNode node, String key, int supported) throws InputException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw path.error(at + "." + key, "missing schema version");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw path.error(at + "." + key, "expected a schema version (a whole number >= 1), found "
                    + JsonPath.describe(v));
        }
        int version = v.asInt();
        if (version > supported) {
            JsonNode needs = node.get(REQUIRES);
            String release = needs != null && needs.isTextual() && RELEASE.matcher(needs.asText()).matches()
                    ? needs.asText() : null;
            throw path.error(at + "." + key, "schema version " + version + " is newer than this perf-gate ("
                    + TOOL_VERSION + ") reads (up to " + supported + "); " + (release != null
                    ? "the file needs " + release + " or later: upgrade to read it"
                    : "upgrade to a perf-gate that reads it (docs/file-formats.md lists the releases)"));
        }
        return version;
    }

    private static String readToolVersion() {
        try (InputStream in = SchemaVersion.class.getResourceAsStream("/dev/perfgate/core/perfgate.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isEmpty() || version.startsWith("$") ? "(development build)" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
