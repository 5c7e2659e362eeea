package dev.perfgate.core.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.json.GoldenFiles;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;
import dev.perfgate.core.stats.VarianceComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.perfgate.core.baseline.BaselineFixtures.COSINE;
import static dev.perfgate.core.baseline.BaselineFixtures.MATRIX;
import static dev.perfgate.core.baseline.BaselineFixtures.TOKENIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** These tests seal the baseline file format: a change to golden/baseline.json is a format change. */
class BaselineCodecTest {

    private static final String GOLDEN = "baseline.json";
    private static final String SOURCE = "baselines/linux-x86_64.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BaselineCodec codec = new BaselineCodec();

    static Stream<Locale> locales() {
        return Stream.of(Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("tr-TR"),
                Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"));
    }

    @ParameterizedTest
    @MethodSource("locales")
    void writeMatchesGoldenFileInEveryLocale(Locale locale) throws Exception {
        String written = GoldenFiles.withLocale(locale, () -> codec.write(BaselineFixtures.file()));

        GoldenFiles.assertMatches(GOLDEN, written);
    }

    @ParameterizedTest
    @MethodSource("locales")
    void readOfGoldenFileIsTheSameInEveryLocale(Locale locale) throws Exception {
        BaselineFile read = GoldenFiles.withLocale(locale, () -> codec.read(SOURCE, GoldenFiles.read(GOLDEN)));

        assertThat(codec.write(read)).isEqualTo(GoldenFiles.read(GOLDEN));
    }

    @Test
    void everySchemaVersionHasAFixtureAsItsReleaseWroteItAndItStillReads() throws Exception {
        for (int version = 1; version <= BaselineFile.SCHEMA_VERSION; version++) {
            BaselineFile read = codec.read(SOURCE, GoldenFiles.schemaFixture("baseline-v" + version + ".json"));

            assertThat(read.version()).isEqualTo(version);
            assertThat(read.sets()).as("schema version %d", version).isNotEmpty()
                    .allSatisfy(set -> assertThat(set.entries()).isNotEmpty());
        }
        // Version 1 as 0.1.0 wrote it (no "requires" yet) holds what the current golden file holds, in one
        // entry set of unknown host class.
        BaselineFile v1 = codec.read(SOURCE, GoldenFiles.schemaFixture("baseline-v1.json"));
        assertThat(v1.sets()).singleElement().satisfies(set -> assertThat(set.host()).isNull());
        Baseline golden = BaselineFixtures.baseline();
        assertThat(codec.write(BaselineFile.of(new Baseline(golden.platform(), golden.host(), golden.fingerprint(),
                golden.timestamp(), v1.sets().get(0).entries())))).isEqualTo(GoldenFiles.read(GOLDEN));
    }

    @Test
    void writtenFilesNameTheReleaseTheyNeed() {
        assertThat(GoldenFiles.read(GOLDEN)).contains("\"requires\" : \"perf-gate 0.2.0\"");
    }

    @Test
    void goldenFileIsPlainDiffFriendlyText() {
        String golden = GoldenFiles.read(GOLDEN);

        assertThat(golden).doesNotContain("\r").doesNotContain("\t").endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(golden).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
        assertThat(golden).contains("\"score\" : 0.000123457,", "\"score\" : 1234570,", "\"score\" : 12.3457,");
        assertThat(golden.indexOf("CosineSimilarityBenchmark")).isLessThan(golden.indexOf("MatrixMultiplyBenchmark"));
        assertThat(golden.indexOf("MatrixMultiplyBenchmark")).isLessThan(golden.indexOf("TokenizerBenchmark"));
        assertThat(golden.indexOf("\"version\"")).isLessThan(golden.indexOf("\"platform\""));
        assertThat(golden.indexOf("\"platform\"")).isLessThan(golden.indexOf("\"baselines\""));
    }

    @Test
    void readOfGoldenFileGivesTheExpectedValues() throws InputException {
        BaselineFile file = codec.read(SOURCE, GoldenFiles.read(GOLDEN));
        Baseline baseline = file.sets().get(0);

        assertThat(file.version()).isEqualTo(2);
        assertThat(baseline.host()).isEqualTo(BaselineFixtures.HOST);
        assertThat(baseline.platform()).isEqualTo(BaselineFixtures.LINUX);
        assertThat(baseline.fingerprint()).isEqualTo(BaselineFixtures.FINGERPRINT);
        assertThat(baseline.timestamp()).isEqualTo(BaselineFixtures.TIMESTAMP);
        assertThat(baseline.entries()).extracting(BaselineEntry::id).containsExactly(COSINE, MATRIX, TOKENIZE);

        BaselineEntry cosine = baseline.find(COSINE).orElseThrow();
        assertThat(cosine.id().params()).containsExactly(
                java.util.Map.entry("batch", "16"), java.util.Map.entry("dim", "768"));
        assertThat(cosine.primary().unit()).isEqualTo("us/op");
        assertThat(cosine.primary().score()).isEqualTo(12.3457);
        assertThat(cosine.primary().scoreError()).isEqualTo(0.0456789);
        assertThat(cosine.primary().forks()).hasSize(3).allSatisfy(fork -> assertThat(fork).hasSize(3));
        assertThat(cosine.primary().forks().get(0)).containsExactly(12.3012, 12.3123, 12.3235);
        assertThat(cosine.allocation()).isNotNull();
        assertThat(cosine.allocation().unit()).isEqualTo("B/op");
        assertThat(cosine.allocation().score()).isEqualTo(3104.0);
        assertThat(cosine.thresholdPct()).isNull();
        assertThat(cosine.approval()).isEqualTo(BaselineFixtures.APPROVAL);

        BaselineEntry matrix = baseline.find(MATRIX).orElseThrow();
        assertThat(matrix.primary().score()).isEqualTo(1234570.0);
        assertThat(matrix.allocation()).isNull();
        assertThat(matrix.thresholdPct()).isEqualTo(10.0);
        assertThat(baseline.thresholds()).containsOnly(java.util.Map.entry(MATRIX, 10.0));

        BaselineEntry tokenize = baseline.find(TOKENIZE).orElseThrow();
        assertThat(tokenize.primary().score()).isCloseTo(0.000123457, within(1e-15));
        assertThat(tokenize.primary().scoreError()).isNaN();
        assertThat(tokenize.approval().approvedBy()).isEmpty();
        assertThat(tokenize.approval().reason()).isEqualTo("faster tokenizer: \"split\" replaced by a scanner");
    }

    @Test
    void rewritingWhatWasReadReproducesTheTextExactly() throws InputException {
        String first = codec.write(BaselineFixtures.file());

        String second = codec.write(codec.read(SOURCE, first));

        assertThat(second).isEqualTo(first);
    }

    /**
     * A baseline written from a fresh JMH run (samples with all the digits of a double) must be
     * rewritten unchanged after it is read back: otherwise approving one benchmark changes the lines
     * of every other benchmark.
     */
    @Test
    void rewritingWhatWasReadFromRawJmhSamplesReproducesTheTextExactly() throws InputException {
        Baseline raw = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(new BaselineEntry(COSINE, BaselineFixtures.rawJmhMeasurement(),
                        null, null, BaselineFixtures.APPROVAL)));
        String first = codec.write(BaselineFile.of(raw));

        String second = codec.write(codec.read(SOURCE, first));

        assertThat(UnifiedDiff.of(SOURCE, first, second)).as("diff of the rewritten file").isEmpty();
    }

    @Test
    void calibratedNoiseIsWrittenWithItsEntryAndReadBack() throws InputException {
        Noise noise = new Noise(0.0412, 0.0131, 10, 200, Instant.parse("2026-11-27T06:00:00Z"));
        Baseline baseline = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(BaselineFixtures.cosineEntry().withNoise(noise),
                BaselineFixtures.matrixEntry()));

        String text = codec.write(BaselineFile.of(baseline));
        BaselineFile file = codec.read(SOURCE, text);
        Baseline read = file.sets().get(0);

        assertThat(text).contains("\"noise\" : {", "\"fork_log_sd\" : 0.0412", "\"run_log_sd\" : 0.0131",
                "\"calibrated_at\" : \"2026-11-27T06:00:00Z\"");
        assertThat(read.find(COSINE).orElseThrow().noise()).isEqualTo(noise);
        assertThat(read.find(MATRIX).orElseThrow().noise()).isNull();
        assertThat(read.noise()).containsOnlyKeys(COSINE);
        assertThat(codec.write(file)).isEqualTo(text);
    }

    @Test
    void varianceComponentsAndRunPlanAreWrittenWithTheirEntryAndReadBack() throws Exception {
        Noise noise = new Noise(0.0412, 0.0131, 3, 60, Instant.parse("2026-11-27T06:00:00Z"))
                .withComponents(new VarianceComponents(0.0503, 0.481, 0.0366, 60, 4));
        RunPlan plan = new RunPlan(17, 2, 3, Duration.ofMillis(500), 0.0377, 0.52, 59.84, 0.0473);
        Baseline baseline = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(BaselineFixtures.cosineEntry().withNoise(noise).withPlan(plan),
                BaselineFixtures.matrixEntry().withNoise(new Noise(0.02, Double.NaN, 1, 10,
                        Instant.parse("2026-11-27T06:00:00Z")))));

        String text = GoldenFiles.withLocale(Locale.GERMANY, () -> codec.write(BaselineFile.of(baseline)));
        Baseline read = codec.read(SOURCE, text).sets().get(0);

        GoldenFiles.assertMatches("baseline-calibrated.json", text);
        assertThat(read.find(COSINE).orElseThrow().noise()).isEqualTo(noise);
        assertThat(read.find(COSINE).orElseThrow().plan()).isEqualTo(plan);
        assertThat(read.find(MATRIX).orElseThrow().noise().components()).isNull();
        assertThat(read.find(MATRIX).orElseThrow().plan()).isNull();
    }

    @Test
    void aPlanWithABadIterationTimeIsReportedWithItsPath() throws Exception {
        String calibrated = GoldenFiles.read("baseline-calibrated.json");
        InputException e = readFails(calibrated.replace("\"iteration_time\" : \"500ms\"",
                "\"iteration_time\" : \"half a second\""));
        InputException zeroForks = readFails(calibrated.replace("\"forks\" : 17", "\"forks\" : 0"));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[0].plan.iteration_time");
        assertThat(e.getMessage()).contains("expected a time like 1s or 500ms");
        assertThat(zeroForks.location()).isEqualTo("$.host_classes[0].baselines[0].plan");
        assertThat(zeroForks.getMessage()).contains("forks and iterations must be >= 1");
    }

    @Test
    void negativeNoiseIsReportedWithItsPath() {
        InputException e = readFails(edit(root -> entry(root, 0).putObject("noise").put("fork_log_sd", -1)
                .put("runs", 1).put("forks", 2).put("calibrated_at", "2026-11-27T06:00:00Z")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[0].noise");
        assertThat(e.getMessage()).contains("fork noise must be finite and >= 0");
    }

    @Test
    void entriesAreWrittenSortedWhateverTheirOrder() {
        Baseline shuffled = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(BaselineFixtures.matrixEntry(), BaselineFixtures.cosineEntry(),
                BaselineFixtures.tokenizeEntry()));

        assertThat(codec.write(BaselineFile.of(shuffled))).isEqualTo(codec.write(BaselineFixtures.file()));
    }

    @Test
    void baselineWithoutSamplesIsWrittenWithNullStatistics() throws InputException {
        Baseline baseline = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(new BaselineEntry(MATRIX,
                        new Measurement("ops/s", 1000.0, Double.NaN, List.of()), null, null, BaselineFixtures.APPROVAL)));

        String text = codec.write(BaselineFile.of(baseline));

        assertThat(text).contains("\"mean\" : null", "\"std_dev\" : null", "\"sample_size\" : 0");
        assertThat(codec.write(codec.read(SOURCE, text))).isEqualTo(text);
    }

    // --- errors ---------------------------------------------------------------------------------

    @Test
    void truncatedFileIsReportedWithLineAndColumn() {
        String golden = GoldenFiles.read(GOLDEN);

        InputException e = readFails(golden.substring(0, golden.length() / 2));

        assertOneLine(e);
        assertThat(e.getMessage()).containsPattern("line \\d+, column \\d+").contains("malformed JSON");
    }

    @Test
    void emptyFileIsReported() {
        InputException e = readFails("");

        assertOneLine(e);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void scoreThatIsNotANumberIsReportedWithItsPath() {
        InputException e = readFails(edit(root -> entry(root, 0).put("score", "x")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[0].score");
        assertThat(e.getMessage()).contains("$.host_classes[0].baselines[0].score", "expected a number", "\"x\"");
    }

    @Test
    void sampleThatIsNotANumberIsReportedWithItsPath() {
        InputException e = readFails(edit(root -> ((ArrayNode) entry(root, 1).get("samples").get(1)).set(0,
                MAPPER.getNodeFactory().booleanNode(true))));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[1].samples[1][0]");
    }

    @Test
    void newerSchemaVersionNamesTheReleaseTheFileNeeds() {
        InputException e = readFails(edit(root -> root.put("version", 99).put("requires", "perf-gate 3.2.0")));
        InputException unnamed = readFails(edit(root -> root.put("version", 99).remove("requires")));
        InputException forged = readFails(edit(root -> root.put("version", 99).put("requires", "<b>now</b>\nrm -rf")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.version");
        assertThat(e.getMessage()).contains("schema version 99 is newer than this perf-gate",
                "the file needs perf-gate 3.2.0 or later");
        assertThat(unnamed.getMessage()).contains("99", "upgrade to a perf-gate that reads it");
        assertThat(forged.getMessage()).contains("upgrade to a perf-gate that reads it").doesNotContain("<b>", "rm -rf");
    }

    @Test
    void missingSchemaVersionIsReported() {
        InputException e = readFails(edit(root -> root.remove("version")));

        assertOneLine(e);
        assertThat(e.getMessage()).contains("$.version", "missing schema version");
    }

    @Test
    void schemaVersionThatIsNotAWholeNumberIsReported() {
        InputException e = readFails(edit(root -> root.put("version", "1")));

        assertOneLine(e);
        assertThat(e.getMessage()).contains("$.version", "schema version");
    }

    @Test
    void unknownPlatformKeyIsReportedWithTheAcceptedValues() {
        InputException e = readFails(edit(root -> root.put("platform", "linux-sparc")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.platform");
        assertThat(e.getMessage()).contains("sparc", "x86_64", "aarch64");
    }

    @Test
    void pathLikePlatformKeyIsRejected() {
        InputException e = readFails(edit(root -> root.put("platform", "../../etc")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.platform");
    }

    @Test
    void duplicateBenchmarkIsReportedAtItsSecondOccurrence() {
        InputException e = readFails(edit(root -> ((ArrayNode) set(root).get("baselines")).add(entry(root, 0).deepCopy())));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[3]");
        assertThat(e.getMessage()).contains("CosineSimilarityBenchmark.batch[batch=16,dim=768]", "twice");
    }

    @Test
    void duplicateKeyIsReportedWithLineAndColumn() {
        String golden = GoldenFiles.read(GOLDEN);
        String text = golden.replaceFirst("\"version\" : 2,", "\"version\" : 2,\n  \"version\" : 2,");

        InputException e = readFails(text);

        assertOneLine(e);
        assertThat(e.getMessage()).contains("line 3, column").contains("version");
    }

    @Test
    void unknownModeIsReportedWithTheAcceptedModes() {
        InputException e = readFails(edit(root -> entry(root, 2).put("mode", "fast")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[2].mode");
        assertThat(e.getMessage()).contains("'fast'", "thrpt", "avgt");
    }

    @Test
    void thresholdOutOfRangeIsReported() {
        InputException e = readFails(edit(root -> entry(root, 1).put("threshold_pct", -5)));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[1].threshold_pct");
    }

    @Test
    void approvalWithoutReasonIsReported() {
        InputException e = readFails(edit(root -> ((ObjectNode) entry(root, 0).get("approval")).remove("reason")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].baselines[0].approval.reason");
    }

    @Test
    void badTimestampIsReportedWithAnExample() {
        InputException e = readFails(edit(root -> set(root).put("timestamp", "yesterday")));

        assertOneLine(e);
        assertThat(e.location()).isEqualTo("$.host_classes[0].timestamp");
        assertThat(e.getMessage()).contains("ISO-8601", "yesterday");
    }

    @Test
    void rootThatIsNotAnObjectIsReported() {
        InputException e = readFails("[1, 2, 3]\n");

        assertOneLine(e);
        assertThat(e.getMessage()).contains(SOURCE, "$", "expected an object");
    }

    @Test
    void deeplyNestedInputIsRejectedWithoutStackOverflow() {
        String text = "[".repeat(100_000);

        assertThatThrownBy(() -> codec.read(SOURCE, text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(SOURCE + ": ");
    }

    // --- helpers --------------------------------------------------------------------------------

    private InputException readFails(String text) {
        InputException e = catchThrowableOfType(() -> codec.read(SOURCE, text), InputException.class);
        assertThat(e).as("reading should fail").isNotNull();
        return e;
    }

    private static void assertOneLine(InputException e) {
        assertThat(e.getMessage()).startsWith(SOURCE + ": ").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.source()).isEqualTo(SOURCE);
    }

    private static ObjectNode entry(ObjectNode root, int index) {
        return (ObjectNode) set(root).get("baselines").get(index);
    }

    private static ObjectNode set(ObjectNode root) {
        return (ObjectNode) root.get("host_classes").get(0);
    }

    /** The golden file with an edit applied to its JSON tree. */
    private static String edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(GoldenFiles.read(GOLDEN));
            change.accept(root);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
