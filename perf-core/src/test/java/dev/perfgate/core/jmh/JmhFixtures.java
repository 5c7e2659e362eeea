package dev.perfgate.core.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real JMH output in {@code src/test/resources/jmh/}, written by
 * {@code scripts/regenerate-jmh-fixtures.sh}, and ways to derive unusual or broken inputs from it.
 */
final class JmhFixtures {

    /** JMH 1.37, -prof gc, -f 3: ParamsBenchmark.sum x {size, variant} and AllocBenchmark.allocate. */
    static final String GC_PARAMS_FORKS = "gc-params-forks.json";
    /** JMH 1.37, -f 2: ModesBenchmark.work in thrpt and avgt, .sampled in sample, .once in ss. */
    static final String MODES = "modes.json";
    /** JMH 1.37, -f 1: SpinBenchmark.spin. */
    static final String SINGLE_FORK = "single-fork.json";
    /** JMH 1.21, -prof gc, -f 2: AllocBenchmark.allocate, secondary metric names prefixed with a middle dot. */
    static final String OLD_JMH = "old-jmh.json";

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private JmhFixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(JmhFixtures.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String fixture) {
        try {
            return Files.readAllBytes(fixture(fixture));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture parsed by plain Jackson, independently of the reader under test. */
    static ArrayNode tree(String fixture) throws IOException {
        return (ArrayNode) PLAIN.readTree(bytes(fixture));
    }

    /** Writes JSON to a file in {@code dir}. */
    static Path write(Path dir, String name, JsonNode json) throws IOException {
        return writeBytes(dir, name, PLAIN.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }

    /** Writes bytes to a file in {@code dir}. */
    static Path writeBytes(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
