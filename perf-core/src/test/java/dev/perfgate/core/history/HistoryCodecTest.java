package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.json.GoldenFiles;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.perfgate.core.history.HistoryFixtures.COSINE;
import static dev.perfgate.core.history.HistoryFixtures.MATRIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** These tests seal the history line format: a change to golden/history.jsonl is a format change. */
class HistoryCodecTest {

    private static final String GOLDEN = "history.jsonl";
    private static final String SOURCE = "history/linux-x86_64.jsonl";

    private final HistoryCodec codec = new HistoryCodec();

    static Stream<Locale> locales() {
        return Stream.of(Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("tr-TR"),
                Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN-u-nu-deva"));
    }

    private String writeGoldenRecords() {
        return codec.write(HistoryFixtures.runRecord()) + "\n" + codec.write(HistoryFixtures.approvalRecord()) + "\n";
    }

    @ParameterizedTest
    @MethodSource("locales")
    void writeMatchesGoldenFileInEveryLocale(Locale locale) throws Exception {
        String written = GoldenFiles.withLocale(locale, this::writeGoldenRecords);

        GoldenFiles.assertMatches(GOLDEN, written);
    }

    @Test
    void goldenFileHoldsOneCompactJsonObjectPerLine() {
        String golden = GoldenFiles.read(GOLDEN);

        assertThat(golden).doesNotContain("\r").endsWith("}\n");
        assertThat(golden.split("\n", -1)).hasSize(3).endsWith("");
        assertThat(golden.lines()).allSatisfy(line -> assertThat(line).startsWith("{\"schema\":1,\"requires\":\"perf-gate 0.1.0\",\"type\":"));
        assertThat(golden).doesNotContainPattern("[0-9][eE][-+]?[0-9]");
        assertThat(golden).contains("\"score\":12.3457,", "\"score\":1234570,", "0.0000123457", "null");
    }

    @Test
    void readOfGoldenFileGivesTheExpectedValues() throws InputException {
        List<String> lines = GoldenFiles.read(GOLDEN).lines().toList();

        HistoryRecord first = codec.read(SOURCE, 1, lines.get(0));
        HistoryRecord second = codec.read(SOURCE, 2, lines.get(1));

        assertThat(first).isInstanceOfSatisfying(HistoryRecord.RunRecord.class, r -> {
            Run run = r.run();
            assertThat(run.runId()).isEqualTo("run-2026-11-26-221530");
            assertThat(run.timestamp()).isEqualTo(HistoryFixtures.RUN_TIME);
            assertThat(run.commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
            assertThat(run.branch()).isEqualTo("feature/faster-\u00e9t\u00e9");
            assertThat(run.platform()).isEqualTo(HistoryFixtures.LINUX);
            assertThat(run.fingerprint()).isEqualTo(HistoryFixtures.FINGERPRINT);
            assertThat(run.results()).extracting(BenchmarkResult::id).containsExactly(COSINE, MATRIX);
            BenchmarkResult cosine = run.results().get(0);
            assertThat(cosine.primary().score()).isEqualTo(12.3457);
            assertThat(cosine.primary().forks()).containsExactly(List.of(12.3012, 12.3123), List.of(12.4046, 12.3957));
            assertThat(cosine.secondary()).containsOnlyKeys("gc.alloc.rate", "gc.alloc.rate.norm");
            assertThat(cosine.allocation()).map(Measurement::score).contains(3104.0);
            assertThat(cosine.secondary().get("gc.alloc.rate").forks().get(1).get(0)).isNaN();
            BenchmarkResult matrix = run.results().get(1);
            assertThat(matrix.primary().scoreError()).isNaN();
            assertThat(matrix.primary().forks().get(0).get(1)).isCloseTo(0.0000123457, within(1e-16));
        });
        assertThat(second).isEqualTo(HistoryFixtures.approvalRecord());
    }

    @Test
    void rewritingWhatWasReadReproducesTheLinesExactly() throws InputException {
        String run = codec.write(HistoryFixtures.runRecord());
        String approval = codec.write(HistoryFixtures.approvalRecord());

        assertThat(codec.write(codec.read(SOURCE, 1, run))).isEqualTo(run);
        assertThat(codec.write(codec.read(SOURCE, 2, approval))).isEqualTo(approval);
    }

    @Test
    void writtenLineHasNoLineBreakEvenWhenTextHasOne() {
        assertThat(codec.write(HistoryFixtures.approvalRecord())).doesNotContain("\n").contains("\\n");
    }

    @Test
    void malformedLineIsReportedWithItsLineNumber() {
        InputException e = readFails(7, "{\"schema\":1,\"type\":\"run\",");

        assertThat(e.getMessage()).startsWith(SOURCE + ": line 7").contains("malformed JSON").doesNotContain("\n");
    }

    @Test
    void everySchemaVersionHasAFixtureAsItsReleaseWroteItAndItStillReads() throws Exception {
        for (int version = 1; version <= HistoryCodec.SCHEMA_VERSION; version++) {
            List<String> lines = GoldenFiles.schemaFixture("history-v" + version + ".jsonl").lines().toList();

            assertThat(lines).as("schema version %d", version).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                assertThat(codec.read(SOURCE, i + 1, lines.get(i))).isNotNull();
            }
        }
        // Version 1 as 0.1.0 wrote it (no "requires" yet) holds what the current golden file holds.
        List<String> v1 = GoldenFiles.schemaFixture("history-v1.jsonl").lines().toList();
        List<String> golden = GoldenFiles.read(GOLDEN).lines().toList();
        for (int i = 0; i < v1.size(); i++) {
            assertThat(codec.write(codec.read(SOURCE, i + 1, v1.get(i)))).isEqualTo(golden.get(i));
        }
    }

    @Test
    void newerSchemaIsReportedAsNewer() {
        InputException e = readFails(3, "{\"schema\":99,\"requires\":\"perf-gate 7.0.1\",\"type\":\"run\"}");

        assertThat(e.getMessage()).startsWith(SOURCE + ": line 3, $.schema: ").contains("newer",
                "needs perf-gate 7.0.1 or later");
    }

    @Test
    void missingSchemaIsReported() {
        InputException e = readFails(1, "{\"type\":\"run\"}");

        assertThat(e.getMessage()).contains("line 1", "$.schema", "missing schema version");
    }

    @Test
    void unknownRecordTypeIsReported() {
        InputException e = readFails(4, "{\"schema\":1,\"type\":\"coffee\"}");

        assertThat(e.getMessage()).contains("line 4, $.type", "'coffee'", "run or approval");
    }

    @Test
    void lineThatIsNotAnObjectIsReported() {
        InputException e = readFails(2, "[1,2]");

        assertThat(e.getMessage()).startsWith(SOURCE + ": line 2: ").contains("expected a JSON object");
    }

    @Test
    void wrongTypeInsideARunIsReportedWithLineAndPath() {
        String line = codec.write(HistoryFixtures.runRecord()).replace("\"score\":12.3457", "\"score\":\"x\"");

        InputException e = readFails(5, line);

        assertThat(e.getMessage()).startsWith(SOURCE + ": line 5, $.benchmarks[0].score: ")
                .contains("expected a number");
    }

    @Test
    void badPlatformIsReportedWithLineAndPath() {
        String line = codec.write(HistoryFixtures.runRecord()).replace("linux-x86_64", "../../x");

        InputException e = readFails(6, line);

        assertThat(e.getMessage()).startsWith(SOURCE + ": line 6, $.platform: ");
    }

    private InputException readFails(long lineNo, String line) {
        InputException e = catchThrowableOfType(() -> codec.read(SOURCE, lineNo, line), InputException.class);
        assertThat(e).as("reading should fail").isNotNull();
        assertThat(e.source()).isEqualTo(SOURCE);
        return e;
    }
}
