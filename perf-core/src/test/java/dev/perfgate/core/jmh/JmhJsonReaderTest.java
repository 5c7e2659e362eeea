package dev.perfgate.core.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static dev.perfgate.core.jmh.JmhFixtures.GC_PARAMS_FORKS;
import static dev.perfgate.core.jmh.JmhFixtures.MODES;
import static dev.perfgate.core.jmh.JmhFixtures.OLD_JMH;
import static dev.perfgate.core.jmh.JmhFixtures.SINGLE_FORK;
import static dev.perfgate.core.jmh.JmhFixtures.bytes;
import static dev.perfgate.core.jmh.JmhFixtures.fixture;
import static dev.perfgate.core.jmh.JmhFixtures.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Direction;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the real JMH output in {@code src/test/resources/jmh/} (written by
 * {@code scripts/regenerate-jmh-fixtures.sh}; scores change with every regeneration, so the
 * expectations come from each file itself, parsed independently with plain Jackson). Unusual and
 * broken inputs are derived from those files in code, never typed by hand.
 */
class JmhJsonReaderTest {

    private static final String MIDDLE_DOT = "\u00b7";

    private final JmhJsonReader reader = new JmhJsonReader();

    @TempDir
    Path tmp;

    @Nested
    class Identities {

        @Test
        void sameMethodInTwoModesGivesTwoIdentities() throws Exception {
            List<BenchmarkResult> results = read(MODES);

            List<BenchmarkId> work = ids(results).stream()
                    .filter(id -> id.name().endsWith("ModesBenchmark.work")).toList();

            assertThat(work).extracting(BenchmarkId::mode).containsExactly(Mode.THROUGHPUT, Mode.AVERAGE_TIME);
            assertThat(work.get(0)).isNotEqualTo(work.get(1));
            assertThat(work).extracting(BenchmarkId::displayWithMode).containsExactly(
                    "dev.perfgate.fixtures.ModesBenchmark.work (thrpt)",
                    "dev.perfgate.fixtures.ModesBenchmark.work (avgt)");
        }

        @Test
        void everyModeJmhWritesIsRecognised() throws Exception {
            assertThat(EnumSet.copyOf(ids(read(MODES)).stream().map(BenchmarkId::mode).toList()))
                    .isEqualTo(EnumSet.allOf(Mode.class));
        }

        @Test
        void unitDecidesDirectionOfEachMode() throws Exception {
            Map<Mode, Measurement> work = new TreeMap<>();
            for (BenchmarkResult r : read(MODES)) {
                if (r.id().name().endsWith(".work")) {
                    work.put(r.id().mode(), r.primary());
                }
            }

            assertThat(work.get(Mode.THROUGHPUT).unit()).isEqualTo("ops/us");
            assertThat(work.get(Mode.THROUGHPUT).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
            assertThat(work.get(Mode.AVERAGE_TIME).unit()).isEqualTo("us/op");
            assertThat(work.get(Mode.AVERAGE_TIME).direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        }

        @Test
        void paramsBecomePartOfTheIdentitySortedByKey() throws Exception {
            List<BenchmarkId> sums = ids(read(GC_PARAMS_FORKS)).stream()
                    .filter(id -> id.name().endsWith("ParamsBenchmark.sum")).toList();

            assertThat(sums).extracting(BenchmarkId::shortName).containsExactlyInAnyOrder(
                    "ParamsBenchmark.sum[size=10,variant=a]", "ParamsBenchmark.sum[size=10,variant=b]",
                    "ParamsBenchmark.sum[size=100,variant=a]", "ParamsBenchmark.sum[size=100,variant=b]");
            assertThat(sums).allSatisfy(id -> assertThat(id.params().keySet()).containsExactly("size", "variant"));
        }

        @Test
        void benchmarkWithoutParamsHasEmptyParams() throws Exception {
            BenchmarkId alloc = ids(read(GC_PARAMS_FORKS)).stream()
                    .filter(id -> id.name().endsWith("AllocBenchmark.allocate")).findFirst().orElseThrow();

            assertThat(alloc.params()).isEmpty();
            assertThat(alloc.display()).isEqualTo("dev.perfgate.fixtures.AllocBenchmark.allocate");
        }

        @ParameterizedTest
        @ValueSource(strings = {GC_PARAMS_FORKS, MODES, SINGLE_FORK, OLD_JMH})
        void resultsFollowTheFileOrderWithNameModeAndParamsOfEachEntry(String fixture) throws Exception {
            JsonNode file = tree(fixture);

            List<BenchmarkResult> results = read(fixture);

            assertThat(results).hasSize(file.size());
            for (int i = 0; i < file.size(); i++) {
                JsonNode entry = file.get(i);
                Map<String, String> params = new TreeMap<>();
                if (entry.has("params")) {
                    entry.get("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
                }
                BenchmarkId expected = BenchmarkId.of(entry.get("benchmark").asText(),
                        Mode.fromLabel(entry.get("mode").asText()).orElseThrow(), params);
                assertThat(results.get(i).id()).as("$[%d]", i).isEqualTo(expected);
            }
        }
    }

    @Nested
    class RawData {

        @ParameterizedTest
        @ValueSource(strings = {GC_PARAMS_FORKS, MODES, SINGLE_FORK, OLD_JMH})
        void primaryMetricKeepsScoreErrorUnitAndEveryForkAndIteration(String fixture) throws Exception {
            JsonNode file = tree(fixture);

            List<BenchmarkResult> results = read(fixture);

            for (int i = 0; i < file.size(); i++) {
                JsonNode metric = file.get(i).get("primaryMetric");
                Measurement primary = results.get(i).primary();
                assertThat(primary.unit()).isEqualTo(metric.get("scoreUnit").asText());
                assertThat(primary.score()).isEqualTo(metric.get("score").asDouble());
                assertThat(primary.scoreError()).isEqualTo(metric.get("scoreError").asDouble());
                if (metric.has("rawData")) {
                    assertThat(primary.forks()).as("$[%d] rawData", i).isEqualTo(values(metric.get("rawData")));
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {GC_PARAMS_FORKS, MODES, SINGLE_FORK, OLD_JMH})
        void forksTimesIterationsMatchTheRunSettingsOfTheFile(String fixture) throws Exception {
            JsonNode file = tree(fixture);

            List<BenchmarkResult> results = read(fixture);

            for (int i = 0; i < file.size(); i++) {
                int forks = file.get(i).get("forks").asInt();
                int iterations = file.get(i).get("measurementIterations").asInt();
                Measurement primary = results.get(i).primary();
                assertThat(primary.forks()).as("$[%d]", i).hasSize(forks)
                        .allSatisfy(fork -> assertThat(fork).hasSize(iterations));
                assertThat(primary.forkCount()).isEqualTo(forks);
                assertThat(primary.iterationsPerFork()).isEqualTo(iterations);
            }
        }

        @Test
        void secondaryMetricsKeepTheirForksAndIterations() throws Exception {
            JsonNode file = tree(GC_PARAMS_FORKS);

            List<BenchmarkResult> results = read(GC_PARAMS_FORKS);

            for (int i = 0; i < file.size(); i++) {
                JsonNode norm = file.get(i).get("secondaryMetrics").get(BenchmarkResult.ALLOCATION_METRIC);
                Measurement allocation = results.get(i).allocation().orElseThrow();
                assertThat(allocation.forks()).isEqualTo(values(norm.get("rawData")));
                assertThat(allocation.forks()).hasSize(3).allSatisfy(fork -> assertThat(fork).hasSize(3));
            }
        }

        @Test
        void sampleModeIterationsAreTheMeansOfTheirHistograms() throws Exception {
            int index = indexOfMode(tree(MODES), "sample");
            JsonNode metric = tree(MODES).get(index).get("primaryMetric");
            JsonNode histogram = metric.get("rawDataHistogram");
            assertThat(metric.has("rawData")).as("JMH writes no rawData in sample mode").isFalse();

            Measurement sampled = read(MODES).get(index).primary();

            assertThat(sampled.forks()).hasSize(histogram.size());
            double weightedSum = 0;
            double samples = 0;
            for (int f = 0; f < histogram.size(); f++) {
                assertThat(sampled.forks().get(f)).hasSize(histogram.get(f).size());
                for (int i = 0; i < histogram.get(f).size(); i++) {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode bin : histogram.get(f).get(i)) {
                        sum += bin.get(0).asDouble() * bin.get(1).asDouble();
                        count += bin.get(1).asDouble();
                    }
                    double iterationMean = sampled.forks().get(f).get(i);
                    assertThat(iterationMean).as("fork %d iteration %d", f, i)
                            .isCloseTo(sum / count, within(1e-9 * sum / count));
                    weightedSum += iterationMean * count;
                    samples += count;
                }
            }
            // JMH's score in sample mode is the mean of all samples of all iterations.
            double score = metric.get("score").asDouble();
            assertThat(weightedSum / samples).isCloseTo(score, within(1e-9 * score));
            assertThat(sampled.score()).isEqualTo(score);
        }

        @Test
        void singleForkGivesOneSampleForTheStatistics() throws Exception {
            JsonNode file = tree(SINGLE_FORK);

            Measurement spin = read(SINGLE_FORK).get(0).primary();

            assertThat(spin.forks()).hasSize(1);
            assertThat(spin.forks().get(0)).hasSize(file.get(0).get("measurementIterations").asInt());
            assertThat(spin.forkMeans()).containsExactly(new double[] {spin.score()}, within(1e-9 * spin.score()));
            assertThat(spin.forkCv()).isNaN();
        }
    }

    @Nested
    class SecondaryMetrics {

        @Test
        void oldJmhMiddleDotPrefixIsDroppedFromMetricNames() throws Exception {
            JsonNode secondary = tree(OLD_JMH).get(0).get("secondaryMetrics");
            assertThat(secondary.has(MIDDLE_DOT + "gc.alloc.rate.norm")).as("fixture covers the prefix").isTrue();

            BenchmarkResult alloc = read(OLD_JMH).get(0);

            assertThat(alloc.secondary()).hasSize(secondary.size());
            assertThat(alloc.secondary().keySet()).contains("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count")
                    .noneMatch(name -> name.contains(MIDDLE_DOT));
        }

        @Test
        void oldJmhAllocationResolvesThroughThePrefixedName() throws Exception {
            JsonNode norm = tree(OLD_JMH).get(0).get("secondaryMetrics").get(MIDDLE_DOT + "gc.alloc.rate.norm");

            Measurement allocation = read(OLD_JMH).get(0).allocation().orElseThrow();

            assertThat(allocation.unit()).isEqualTo("B/op");
            assertThat(allocation.score()).isEqualTo(norm.get("score").asDouble()).isPositive();
            assertThat(allocation.forks()).isEqualTo(values(norm.get("rawData")));
        }

        @Test
        void currentJmhAllocationResolvesThroughThePlainName() throws Exception {
            JsonNode file = tree(GC_PARAMS_FORKS);

            List<BenchmarkResult> results = read(GC_PARAMS_FORKS);

            for (int i = 0; i < file.size(); i++) {
                JsonNode norm = file.get(i).get("secondaryMetrics").get("gc.alloc.rate.norm");
                assertThat(norm).as("fixture has the unprefixed name at $[%d]", i).isNotNull();
                Measurement allocation = results.get(i).allocation().orElseThrow();
                assertThat(allocation.unit()).isEqualTo("B/op");
                assertThat(allocation.score()).isEqualTo(norm.get("score").asDouble());
            }
            BenchmarkResult alloc = results.stream()
                    .filter(r -> r.id().name().endsWith("AllocBenchmark.allocate")).findFirst().orElseThrow();
            assertThat(alloc.allocation().orElseThrow().score()).isPositive();
        }

        @Test
        void sampleModePercentilesAreSecondaryMetrics() throws Exception {
            BenchmarkResult sampled = read(MODES).get(indexOfMode(tree(MODES), "sample"));

            assertThat(sampled.secondary()).containsKeys("p0.50", "p0.99", "p1.00");
            assertThat(sampled.allocation()).isEmpty();
        }

        @Test
        void runWithoutProfilerHasNoAllocation() throws Exception {
            BenchmarkResult spin = read(SINGLE_FORK).get(0);

            assertThat(spin.secondary()).isEmpty();
            assertThat(spin.allocation()).isEmpty();
        }
    }

    @Nested
    class Settings {

        @ParameterizedTest
        @ValueSource(strings = {GC_PARAMS_FORKS, MODES, SINGLE_FORK, OLD_JMH})
        void runSettingsAreThoseJmhRecorded(String fixture) throws Exception {
            JsonNode file = tree(fixture);

            List<BenchmarkResult> results = read(fixture);

            for (int i = 0; i < file.size(); i++) {
                JsonNode entry = file.get(i);
                var settings = results.get(i).settings();
                assertThat(settings.jmhVersion()).isEqualTo(entry.get("jmhVersion").asText());
                assertThat(settings.jdkVersion()).isEqualTo(entry.get("jdkVersion").asText()).isNotBlank();
                assertThat(settings.jvm()).isEqualTo(entry.get("jvm").asText());
                assertThat(settings.vmName()).isEqualTo(entry.get("vmName").asText());
                assertThat(settings.vmVersion()).isEqualTo(entry.get("vmVersion").asText());
                assertThat(settings.threads()).isEqualTo(entry.get("threads").asInt());
                assertThat(settings.forks()).isEqualTo(entry.get("forks").asInt());
                assertThat(settings.warmupIterations()).isEqualTo(entry.get("warmupIterations").asInt());
                assertThat(settings.measurementIterations()).isEqualTo(entry.get("measurementIterations").asInt());
                assertThat(settings.jvmArgs()).hasSize(entry.get("jvmArgs").size());
                // Every fixture ran 100 ms iterations; JMH writes them as "100 ms".
                assertThat(entry.get("measurementTime").asText()).isEqualTo("100 ms");
                assertThat(settings.measurementTime()).isEqualTo(java.time.Duration.ofMillis(100));
                assertThat(settings.warmupTime()).isEqualTo(java.time.Duration.ofMillis(100));
            }
        }

        @Test
        void forksOfEachFixtureAreThoseTheRegenerationScriptAskedFor() throws Exception {
            assertThat(read(GC_PARAMS_FORKS)).allSatisfy(r -> assertThat(r.settings().forks()).isEqualTo(3));
            assertThat(read(MODES)).allSatisfy(r -> assertThat(r.settings().forks()).isEqualTo(2));
            assertThat(read(SINGLE_FORK)).allSatisfy(r -> assertThat(r.settings().forks()).isEqualTo(1));
            assertThat(read(OLD_JMH)).allSatisfy(r -> assertThat(r.settings().forks()).isEqualTo(2));
        }

        @Test
        void jmhVersionOfOldAndCurrentFilesIsKept() throws Exception {
            assertThat(read(OLD_JMH).get(0).settings().jmhVersion()).isEqualTo("1.21");
            assertThat(read(SINGLE_FORK).get(0).settings().jmhVersion()).isEqualTo("1.37");
        }

        @Test
        void missingJmhVersionReadsAsEmptyAndChangesNothingElse() throws Exception {
            ArrayNode file = tree(OLD_JMH);
            ((ObjectNode) file.get(0)).remove("jmhVersion");

            BenchmarkResult withoutVersion = reader.read(write("no-version.json", file)).get(0);
            BenchmarkResult original = read(OLD_JMH).get(0);

            assertThat(withoutVersion.settings().jmhVersion()).isEmpty();
            assertThat(withoutVersion.settings().jdkVersion()).isEqualTo(original.settings().jdkVersion());
            assertThat(withoutVersion.id()).isEqualTo(original.id());
            assertThat(withoutVersion.primary()).isEqualTo(original.primary());
            assertThat(withoutVersion.secondary()).isEqualTo(original.secondary());
        }
    }

    @Nested
    class NotANumber {

        @Test
        void nanStringsForScoreAndErrorReadAsNaN() throws Exception {
            ArrayNode file = tree(SINGLE_FORK);
            ObjectNode metric = (ObjectNode) file.get(0).get("primaryMetric");
            metric.put("score", "NaN");
            metric.put("scoreError", "NaN");

            Measurement spin = reader.read(write("nan.json", file)).get(0).primary();

            assertThat(spin.score()).isNaN();
            assertThat(spin.scoreError()).isNaN();
            assertThat(spin.forks()).isEqualTo(values(tree(SINGLE_FORK).get(0).get("primaryMetric").get("rawData")));
        }

        @Test
        void nanIterationIsKeptButLeftOutOfTheForkMean() throws Exception {
            ArrayNode file = tree(OLD_JMH);
            ArrayNode fork0 = (ArrayNode) file.get(0).get("primaryMetric").get("rawData").get(0);
            List<Double> others = new ArrayList<>();
            for (int i = 1; i < fork0.size(); i++) {
                others.add(fork0.get(i).asDouble());
            }
            fork0.set(0, fork0.textNode("NaN"));

            Measurement alloc = reader.read(write("nan-iteration.json", file)).get(0).primary();

            assertThat(alloc.forks().get(0).get(0)).isNaN();
            double expected = others.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(alloc.forkMeans()[0]).isCloseTo(expected, within(1e-9 * expected));
        }

        @Test
        void scoreErrorThatJmhLeftOutReadsAsNaN() throws Exception {
            ArrayNode file = tree(SINGLE_FORK);
            ((ObjectNode) file.get(0).get("primaryMetric")).remove("scoreError");

            assertThat(reader.read(write("no-error.json", file)).get(0).primary().scoreError()).isNaN();
        }
    }

    // ---- fixtures ----

    private List<BenchmarkResult> read(String fixture) throws InputException {
        return reader.read(fixture(fixture));
    }

    private Path write(String name, JsonNode json) throws IOException {
        return JmhFixtures.write(tmp, name, json);
    }

    private static List<BenchmarkId> ids(List<BenchmarkResult> results) {
        return results.stream().map(BenchmarkResult::id).toList();
    }

    private static int indexOfMode(JsonNode file, String mode) {
        for (int i = 0; i < file.size(); i++) {
            if (file.get(i).get("mode").asText().equals(mode)) {
                return i;
            }
        }
        throw new AssertionError("no " + mode + " benchmark in the fixture");
    }

    /** rawData as lists of doubles. */
    private static List<List<Double>> values(JsonNode rawData) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : rawData) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(v -> iterations.add(v.asDouble()));
            forks.add(iterations);
        }
        return forks;
    }
}
