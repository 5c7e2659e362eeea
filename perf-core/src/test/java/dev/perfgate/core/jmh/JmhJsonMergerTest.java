package dev.perfgate.core.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.perfgate.core.jmh.JmhFixtures.GC_PARAMS_FORKS;
import static dev.perfgate.core.jmh.JmhFixtures.MODES;
import static dev.perfgate.core.jmh.JmhFixtures.OLD_JMH;
import static dev.perfgate.core.jmh.JmhFixtures.SINGLE_FORK;
import static dev.perfgate.core.jmh.JmhFixtures.bytes;
import static dev.perfgate.core.jmh.JmhFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merges the real JMH output in {@code src/test/resources/jmh/}: shards of one suite are disjoint
 * files of the same JMH run format, as these are.
 */
class JmhJsonMergerTest {

    /** Reads JMH's "NaN" and keeps every number as JMH wrote it, independently of the merger. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final JmhJsonMerger merger = new JmhJsonMerger();

    @TempDir
    Path tmp;

    private static List<JsonNode> elements(byte[] json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        PLAIN.readTree(json).forEach(out::add);
        return out;
    }

    @Test
    void mergedElementsAreTheInputsElementsUnchangedInInputOrder() throws Exception {
        List<String> fixtures = List.of(MODES, GC_PARAMS_FORKS, SINGLE_FORK);
        List<JsonNode> expected = new ArrayList<>();
        for (String f : fixtures) {
            expected.addAll(elements(bytes(f)));
        }

        JmhJsonMerger.Merged merged = merger.merge(fixtures.stream().map(JmhFixtures::fixture).toList());

        List<JsonNode> actual = elements(merged.json().getBytes(StandardCharsets.UTF_8));
        assertThat(actual).hasSize(10).isEqualTo(expected);
        assertThat(actual.get(4).get("secondaryMetrics").get("gc.alloc.rate.norm").get("rawData"))
                .as("secondary metrics keep their raw data").isNotNull();
        assertThat(actual.get(2).get("primaryMetric").get("rawDataHistogram")).isNotNull();
        assertThat(merged.json()).endsWith("]\n");
        assertThat(merged.emptyInputs()).isEmpty();
    }

    @Test
    void readingTheMergedFileGivesTheUnionOfTheInputsReadings() throws Exception {
        JmhJsonReader reader = new JmhJsonReader();
        List<BenchmarkResult> union = new ArrayList<>();
        for (String f : List.of(OLD_JMH, MODES, SINGLE_FORK)) {
            union.addAll(reader.read(fixture(f)));
        }

        JmhJsonMerger.Merged merged = merger.merge(List.of(fixture(OLD_JMH), fixture(MODES), fixture(SINGLE_FORK)));

        List<BenchmarkResult> reread = reader.read("merged.json",
                new ByteArrayInputStream(merged.json().getBytes(StandardCharsets.UTF_8)));
        assertThat(reread).isEqualTo(union);
        assertThat(merged.results()).isEqualTo(union);
    }

    @Test
    void sameBenchmarkInTwoInputsIsRefusedNamingBothFiles() {
        Path first = fixture(GC_PARAMS_FORKS);
        Path second = fixture(OLD_JMH);

        assertThatThrownBy(() -> merger.merge(List.of(first, fixture(MODES), second)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(second.toString()).hasMessageContaining("$[0]")
                .hasMessageContaining("AllocBenchmark.allocate").hasMessageContaining("also in " + first + " at $[0]");
    }

    @Test
    void sameFileGivenTwiceIsRefused() {
        Path file = fixture(SINGLE_FORK);

        assertThatThrownBy(() -> merger.merge(List.of(file, file)))
                .isInstanceOf(InputException.class).hasMessageContaining("SpinBenchmark.spin")
                .hasMessageContaining("also in " + file);
    }

    @Test
    void sameMethodInDifferentModesIsNotADuplicate() throws Exception {
        JmhJsonMerger.Merged merged = merger.merge(List.of(fixture(MODES)));

        assertThat(merged.results()).extracting(r -> r.id().name()).filteredOn(n -> n.endsWith(".work")).hasSize(2);
    }

    @Test
    void invalidInputIsRefusedWithItsFileAndPlace() throws Exception {
        String real = new String(bytes(GC_PARAMS_FORKS), StandardCharsets.UTF_8);
        Path truncated = Files.writeString(tmp.resolve("truncated.json"), real.substring(0, real.length() / 2));
        Path wrongType = Files.writeString(tmp.resolve("wrong-type.json"),
                real.replaceFirst("\"mode\" : \"avgt\"", "\"mode\" : 3"));

        assertThatThrownBy(() -> merger.merge(List.of(fixture(MODES), truncated)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(truncated + ": line ");
        assertThatThrownBy(() -> merger.merge(List.of(wrongType, fixture(MODES))))
                .isInstanceOf(InputException.class).hasMessageStartingWith(wrongType + ": $[0].mode: ");
        assertThatThrownBy(() -> merger.merge(List.of(tmp.resolve("missing.json"))))
                .isInstanceOf(InputException.class).hasMessageContaining("missing.json: no such file");
    }

    @Test
    void emptyShardsContributeNothingButAllEmptyIsRefused() throws Exception {
        Path empty = Files.writeString(tmp.resolve("shard-3.json"), "[]\n");

        JmhJsonMerger.Merged merged = merger.merge(List.of(fixture(SINGLE_FORK), empty));

        assertThat(merged.results()).hasSize(1);
        assertThat(merged.emptyInputs()).containsExactly(empty);
        assertThat(elements(merged.json().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(elements(bytes(SINGLE_FORK)));
        assertThatThrownBy(() -> merger.merge(List.of(empty, empty)))
                .isInstanceOf(InputException.class).hasMessageContaining("no input holds a benchmark result");
    }
}
