package dev.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.report.MarkdownReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report of check and compare as a pull-request comment: marker, Trend column from the history. */
class MarkdownCommentTest {

    private static final String PLATFORM = "linux-x86_64";
    private static final String TREND_CELL = "\\| [\u2581-\u2588]{7} \\|";

    @TempDir
    Path dir;

    private String results;
    private Path markdown;

    private static final Fingerprint FINGERPRINT = new Fingerprint("cpu", 2, "vendor", "17.0.1", List.of(), "Linux",
            "6.1");
    private static final HostIdentity HOST = new HostIdentity(new HostClass(PlatformKey.parse(PLATFORM),
            List.of("avx", "avx2", "fma"), 256, 2, 17), "17.0.1+1", Map.of(), "", null);

    private Cli.Result inProject(String command, String... args) {
        return Cli.inProject(dir, PLATFORM, command, args);
    }

    @BeforeEach
    void baselineAndHistory() throws Exception {
        // The results with a host file, as perf-gate run writes them; the recorded runs have the same host.
        Path copy = Files.copy(Cli.jmhFixture("gc-params-forks.json"), dir.resolve("results.json"));
        HostFile.write(copy, List.of(new HostFile.Entry("results.json", FINGERPRINT, HOST)));
        results = copy.toString();
        markdown = dir.resolve("comment.md");
        Cli.Result approved = inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results);
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        List<BenchmarkResult> measured = CommandSupport.read(Path.of(results));
        HistoryStore store = new HistoryStore(dir, Clock.systemUTC());
        double[] drift = {1.00, 1.04, 0.97, 1.08, 1.02};
        for (int i = 0; i < drift.length; i++) {
            store.append(PlatformKey.parse(PLATFORM), new HistoryRecord.RunRecord(run(measured, drift[i], i)));
        }
    }

    @Test
    void checkWritesAMarkedCommentWithATrendColumnFromTheHistory() throws Exception {
        Cli.Result check = inProject("check", "--results", results, "--markdown", markdown.toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.err()).doesNotContain("warning");
        String text = Files.readString(markdown);
        assertThat(text).startsWith(MarkdownReport.MARKER + "\n### :white_check_mark: perf-gate: pass");
        List<String> table = text.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(table.get(0)).contains("| Current | Trend | Change |");
        List<String> primary = table.stream().filter(l -> l.contains(" ns/op ")).toList();
        assertThat(primary).as("approved run, five recorded runs, this run").hasSize(5)
                .allSatisfy(row -> assertThat(row).containsPattern(TREND_CELL));
        assertThat(table.stream().filter(l -> l.contains(" B/op "))).as("allocation rows have no trend")
                .allSatisfy(row -> assertThat(row).doesNotContainPattern("[\u2581-\u2588]"));
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownReport.MAX_BYTES);
    }

    @Test
    void checkWithoutAHistoryHasNoTrendColumn() throws Exception {
        Files.delete(dir.resolve("history").resolve(PLATFORM + ".jsonl"));

        Cli.Result check = inProject("check", "--results", results, "--markdown", markdown.toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(Files.readString(markdown)).startsWith(MarkdownReport.MARKER).doesNotContain("Trend");
    }

    @Test
    void badHistoryLineIsAWarningAndTheGateStillDecides() throws Exception {
        Path history = dir.resolve("history").resolve(PLATFORM + ".jsonl");
        Files.writeString(history, "{ not a record\n", StandardOpenOption.APPEND);

        Cli.Result check = inProject("check", "--results", results, "--markdown", markdown.toString(),
                "--json", dir.resolve("report.json").toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.err()).contains("warning: the Markdown report has no Trend column: " + history)
                .contains("line 8").doesNotContain("Exception");
        assertThat(check.out()).contains("perf-gate: PASS");
        assertThat(Files.readString(markdown)).startsWith(MarkdownReport.MARKER).doesNotContain("Trend");
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void tornLastLineIsSkippedWithAWarning() throws Exception {
        Path history = dir.resolve("history").resolve(PLATFORM + ".jsonl");
        Files.writeString(history, "{\"schema\":", StandardOpenOption.APPEND);

        Cli.Result check = inProject("check", "--results", results, "--markdown", markdown.toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.err()).contains("is torn");
        assertThat(Files.readString(markdown)).containsPattern(TREND_CELL);
    }

    @Test
    void checkWithoutMarkdownDoesNotReadTheHistory() throws Exception {
        Files.writeString(dir.resolve("history").resolve(PLATFORM + ".jsonl"), "garbage\n",
                StandardOpenOption.APPEND);

        Cli.Result check = inProject("check", "--results", results);

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.err()).doesNotContain("warning");
    }

    @Test
    void compareDrawsTrendsOnlyFromAGivenProject() throws Exception {
        Cli.Result withProject = inProject("compare", results, results, "--markdown", markdown.toString());
        assertThat(withProject.exitCode()).as(withProject.toString()).isZero();
        assertThat(Files.readString(markdown)).startsWith(MarkdownReport.MARKER).containsPattern(TREND_CELL);

        Path plain = dir.resolve("plain.md");
        Cli.Result withoutProject = Cli.run("compare", results, results, "--platform", PLATFORM,
                "--markdown", plain.toString());
        assertThat(withoutProject.exitCode()).as(withoutProject.toString()).isZero();
        assertThat(Files.readString(plain)).startsWith(MarkdownReport.MARKER).doesNotContain("Trend");
    }

    @Test
    void manyBenchmarksAreSummarizedWithinTheGivenBudget() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArrayNode fixture = (ArrayNode) json.readTree(Path.of(results).toFile());
        ArrayNode many = json.createArrayNode();
        for (int i = 0; i < 400; i++) {
            ObjectNode copy = fixture.get(1).deepCopy();
            ((ObjectNode) copy.get("params")).put("size", String.valueOf(i));
            many.add(copy);
        }
        Path manyResults = dir.resolve("many.json");
        json.writeValue(manyResults.toFile(), many);
        HostFile.write(manyResults, List.of(new HostFile.Entry("many.json", FINGERPRINT, HOST)));
        assertThat(inProject("approve", "--reason", "many", "--allow-noisy", "--allow-unsettled",
                "--results", manyResults.toString())
                .exitCode()).isZero();

        Cli.Result check = inProject("check", "--results", manyResults.toString(), "--markdown", markdown.toString(),
                "--markdown-max-bytes", "20000");

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(Files.size(markdown)).isLessThanOrEqualTo(20_000);
        String text = Files.readString(markdown);
        assertThat(text).as("400 benchmarks with an allocation row each, 3 of the first baseline missing")
                .startsWith(MarkdownReport.MARKER).containsPattern("\\*\\*\\d+ of 803 rows left out\\*\\* to fit "
                        + "a pull-request comment: 400 unchanged, \\d+ inconclusive, 3 missing\\.");
        assertThat(text).as("the recorded approval and this run, the same scores").contains("| \u2584\u2584 |");
    }

    @Test
    void markdownBudgetBelowTheMinimumIsBadUsage() {
        Cli.Result check = inProject("check", "--results", results, "--markdown", markdown.toString(),
                "--markdown-max-bytes", "1000");

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("--markdown-max-bytes must be at least 16000 but was 1000");
        assertThat(markdown).doesNotExist();
    }

    /** The fixture's results with every score and sample scaled, as a recorded run. */
    private static Run run(List<BenchmarkResult> measured, double factor, int day) {
        List<BenchmarkResult> scaled = measured.stream().map(r -> new BenchmarkResult(r.id(),
                scale(r.primary(), factor), r.secondary(), r.settings())).toList();
        return new Run("run-" + day, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * day), "c" + day,
                "main", PlatformKey.parse(PLATFORM), FINGERPRINT, HOST, scaled);
    }

    private static Measurement scale(Measurement m, double factor) {
        return new Measurement(m.unit(), m.score() * factor, m.scoreError() * factor,
                m.forks().stream().map(f -> f.stream().map(v -> v * factor).toList()).toList());
    }
}
