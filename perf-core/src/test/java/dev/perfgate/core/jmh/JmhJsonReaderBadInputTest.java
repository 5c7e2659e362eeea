package dev.perfgate.core.jmh;

import static dev.perfgate.core.jmh.JmhFixtures.GC_PARAMS_FORKS;
import static dev.perfgate.core.jmh.JmhFixtures.MODES;
import static dev.perfgate.core.jmh.JmhFixtures.OLD_JMH;
import static dev.perfgate.core.jmh.JmhFixtures.SINGLE_FORK;
import static dev.perfgate.core.jmh.JmhFixtures.bytes;
import static dev.perfgate.core.jmh.JmhFixtures.fixture;
import static dev.perfgate.core.jmh.JmhFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken and unusual JMH JSON, derived in code from the real fixtures: every problem is an
 * {@link InputException} with one line naming the file and the place.
 */
class JmhJsonReaderBadInputTest {

    private static final String MIDDLE_DOT = "\u00b7";

    private final JmhJsonReader reader = new JmhJsonReader();

    @TempDir
    Path tmp;

    private Path write(String name, JsonNode json) throws IOException {
        return JmhFixtures.write(tmp, name, json);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return JmhFixtures.writeBytes(tmp, name, content);
    }


    @Test
    void truncatedFileNamesLineAndColumnOfItsEnd() throws Exception {
        byte[] whole = bytes(MODES);
        String half = new String(whole, 0, whole.length / 2, StandardCharsets.UTF_8);
        Path file = writeBytes("truncated.json", half.getBytes(StandardCharsets.UTF_8));
        long lastLine = half.chars().filter(c -> c == '\n').count() + 1;

        InputException e = readFails(file);

        assertThat(e.getMessage()).containsPattern("line " + lastLine + ", column \\d+: malformed JSON");
        assertThat(e.location()).startsWith("line " + lastLine + ", column ");
    }

    @Test
    void scoreOfTheWrongTypeNamesItsJsonPath() throws Exception {
        ArrayNode file = tree(MODES);
        ((ObjectNode) file.get(0).get("primaryMetric")).putObject("score");

        InputException e = readFails(write("score-object.json", file));

        assertThat(e.location()).isEqualTo("$[0].primaryMetric.score");
        assertThat(e.getMessage()).contains("$[0].primaryMetric.score: expected a number, found an object");
    }

    @Test
    void rawDataValueOfTheWrongTypeNamesForkAndIteration() throws Exception {
        ArrayNode file = tree(GC_PARAMS_FORKS);
        ((ArrayNode) file.get(3).get("primaryMetric").get("rawData").get(2)).set(1, file.booleanNode(true));

        InputException e = readFails(write("raw-boolean.json", file));

        assertThat(e.getMessage()).contains("$[3].primaryMetric.rawData[2][1]: expected a number, found a boolean");
    }

    @Test
    void secondaryMetricOfTheWrongTypeNamesTheMetric() throws Exception {
        ArrayNode file = tree(GC_PARAMS_FORKS);
        ((ObjectNode) file.get(1).get("secondaryMetrics")).put("gc.alloc.rate.norm", "lots");

        InputException e = readFails(write("metric-string.json", file));

        assertThat(e.location()).isEqualTo("$[1].secondaryMetrics[\"gc.alloc.rate.norm\"]");
        assertThat(e.getMessage()).contains("expected an object, found a string \"lots\"");
    }

    @Test
    void emptyArrayIsRefusedBecauseNothingWasMeasured() throws Exception {
        ArrayNode file = tree(SINGLE_FORK);
        file.removeAll();

        InputException e = readFails(write("empty-array.json", file));

        assertThat(e.location()).isEqualTo("$");
        assertThat(e.getMessage()).contains("no benchmark results (empty array)");
    }

    @Test
    void missingFileIsNamed() {
        Path file = tmp.resolve("absent.json");

        InputException e = readFails(file);

        assertThat(e.getMessage()).isEqualTo(file + ": no such file");
    }

    @Test
    void directoryInsteadOfFileIsNamed() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("results.json"));

        InputException e = readFails(dir);

        assertThat(e.getMessage()).contains("is a directory");
    }

    @Test
    void topLevelObjectInsteadOfArrayIsRefusedAtTheRoot() throws Exception {
        JsonNode firstResult = tree(SINGLE_FORK).get(0);

        InputException e = readFails(write("object.json", firstResult));

        assertThat(e.location()).isEqualTo("$");
        assertThat(e.getMessage()).contains("expected a JSON array of JMH results, found an object");
    }

    @Test
    void unknownModeNamesPathAndValue() throws Exception {
        ArrayNode file = tree(MODES);
        ((ObjectNode) file.get(2)).put("mode", "sampletime");

        InputException e = readFails(write("unknown-mode.json", file));

        assertThat(e.location()).isEqualTo("$[2].mode");
        assertThat(e.getMessage()).contains("unknown JMH mode 'sampletime'");
    }

    @Test
    void duplicateKeyNamesLineColumnAndKey() throws Exception {
        String text = new String(bytes(SINGLE_FORK), StandardCharsets.UTF_8);
        String modeLine = "        \"mode\" : \"avgt\",\n";
        assertThat(text).contains(modeLine);
        String doubled = text.replace(modeLine, modeLine + modeLine);
        long duplicateLine = text.substring(0, text.indexOf(modeLine)).chars().filter(c -> c == '\n').count() + 2;

        InputException e = readFails(writeBytes("duplicate.json", doubled.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.location()).startsWith("line " + duplicateLine + ", column ");
        assertThat(e.getMessage()).contains("Duplicate field 'mode'");
    }

    @Test
    void sameBenchmarkTwiceIsRefused() throws Exception {
        ArrayNode file = tree(GC_PARAMS_FORKS);
        file.add(file.get(1).deepCopy());

        InputException e = readFails(write("twice.json", file));

        assertThat(e.location()).isEqualTo("$[" + (file.size() - 1) + "]");
        assertThat(e.getMessage()).contains("appears twice");
    }

    @Test
    void invalidUtf8NamesLineAndColumnOfTheBadByte() throws Exception {
        // The same file saved as ISO-8859-1: JMH's middle dot becomes the lone byte 0xB7.
        String text = new String(bytes(OLD_JMH), StandardCharsets.UTF_8);
        int firstDot = text.indexOf(MIDDLE_DOT);
        long line = text.substring(0, firstDot).chars().filter(c -> c == '\n').count() + 1;

        InputException e = readFails(writeBytes("latin1.json", text.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(e.location()).startsWith("line " + line + ", column ");
        assertThat(e.getMessage()).contains("Invalid UTF-8");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path file = writeBytes("empty.json", new byte[0]);

        InputException e = readFails(file);

        assertThat(e.getMessage()).isEqualTo(file + ": is empty, expected a JMH JSON result array");
    }

    @Test
    void streamErrorsNameTheGivenSource() {
        byte[] whole = bytes(SINGLE_FORK);
        var half = new ByteArrayInputStream(whole, 0, whole.length / 2);

        assertThatThrownBy(() -> reader.read("<stdin>", half))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("<stdin>: line ");
    }

    /** Reads a bad file and checks what every input error must do: one line naming the file. */
    private InputException readFails(Path file) {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> reader.read(file));
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n", "\r");
        assertThat(e.source()).isEqualTo(file.toString());
        return e;
    }
}
