package dev.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.PlatformKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands' behaviour on real JMH result files (no benchmark runs). */
class CommandsTest {

    private static final String PLATFORM = "linux-x86_64";

    @TempDir
    Path dir;

    private Cli.Result inProject(String command, String... args) {
        return Cli.inProject(dir, PLATFORM, command, args);
    }

    @Test
    void everyCommandHasHelpWithExitCodes() {
        for (String command : List.of("run", "merge", "check", "compare", "ab", "record", "approve", "history",
                "calibrate")) {
            java.io.PrintStream stderr = System.err;
            java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
            Cli.Result help;
            try {
                System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
                help = Cli.run(command, "--help");
            } finally {
                System.setErr(stderr);
            }
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: perf-gate " + command).contains("Exit codes:")
                    .contains("3   the benchmark run itself failed");
            assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .as("picocli's warnings for " + command + " (an unescaped %% in a description)")
                    .doesNotContain("picocli WARN");
        }
    }

    @Test
    void checkWithoutBaselineSaysHowToCreateOneAndPasses() {
        Cli.Result result = inProject("check", "--results", Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("no baseline for linux-x86_64 yet", "perf-gate approve", "NEW");
    }

    @Test
    void checkWithoutBaselineOrResultsRunsNothing() {
        Cli.Result result = inProject("check", "--benchmarks", "no-such.jar");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("no baseline for linux-x86_64").contains("approve --reason");
    }

    @Test
    void approveRefusesNoisyOrSingleForkRunsAndNamesThem() throws Exception {
        Cli.Result result = inProject("approve", "--reason", "try", "--results",
                Cli.jmhFixture("single-fork.json").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing to approve").contains("SpinBenchmark.spin").contains("1 fork")
                .contains("--allow-noisy");
        assertThat(dir.resolve("baselines")).doesNotExist();
    }

    @Test
    void approveRefusesAnUnsettledBenchmarkWithWhatToChangeUnlessAllowed() throws Exception {
        Path unsettled = allocationRun("unsettled.json", 1000);

        Cli.Result refused = inProject("approve", "--reason", "try", "--allow-noisy", "--only", "AllocBenchmark",
                "--results", unsettled.toString());
        Cli.Result allowed = inProject("approve", "--reason", "try", "--allow-noisy", "--allow-unsettled", "--only",
                "AllocBenchmark", "--results", unsettled.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("refusing to approve 1 unsettled benchmark: "
                + "dev.perfgate.fixtures.AllocBenchmark.allocate (fork 2's first measured iteration is 1000x the "
                + "median of its other iterations", "raise --warmup-iterations from 1 to at least 2", "--allow-unsettled");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.err()).contains("warning: approving unsettled dev.perfgate.fixtures.AllocBenchmark.allocate");
        assertThat(allowed.out()).as("a first baseline is a new file, which git diff shows once added")
                .contains("review with 'git add -N baselines/linux-x86_64.json && git diff baselines/linux-x86_64.json'");
        Cli.Result again = inProject("approve", "--reason", "again", "--allow-noisy", "--allow-unsettled", "--only",
                "AllocBenchmark", "--results", allocationRun("later.json", 1000).toString());
        assertThat(again.out()).contains("review with 'git diff baselines/linux-x86_64.json'");
    }

    @Test
    void checkOfAnUnsettledRunIsInconclusiveAndSaysWhichSideAndWhatToChange() throws Exception {
        Path settled = allocationRun("settled.json", 1);
        Path unsettled = allocationRun("unsettled.json", 1000);
        assertThat(inProject("approve", "--reason", "settled", "--allow-noisy", "--only", "AllocBenchmark",
                "--results", settled.toString()).exitCode()).isZero();

        Cli.Result check = inProject("check", "--results", unsettled.toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("INCONCLUSIVE", "AllocBenchmark.allocate: the current run had not settled: "
                + "fork 2's first measured iteration is 1000x the median of its other iterations",
                "raise --warmup-iterations from 1 to at least 2. No verdict from warm-up");
    }

    /**
     * The real fixture's {@code AllocBenchmark.allocate} with every iteration of a fork set to the fork's
     * mean, then the first iteration of fork 2 multiplied by {@code firstFactor}: warm-up planted in a
     * real run, the rest of the file as JMH wrote it.
     */
    private Path allocationRun(String name, double firstFactor) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode real = (ArrayNode) mapper.readTree(Cli.jmhFixture("gc-params-forks.json").toFile());
        for (int i = 0; i < real.size(); i++) {
            if (real.get(i).get("benchmark").asText().endsWith("AllocBenchmark.allocate")) {
                ArrayNode forks = (ArrayNode) real.get(i).get("primaryMetric").get("rawData");
                for (int f = 0; f < forks.size(); f++) {
                    ArrayNode fork = (ArrayNode) forks.get(f);
                    double mean = 0;
                    for (int j = 0; j < fork.size(); j++) {
                        mean += fork.get(j).asDouble() / fork.size();
                    }
                    for (int j = 0; j < fork.size(); j++) {
                        fork.set(j, mapper.getNodeFactory().numberNode(f == 1 && j == 0 ? mean * firstFactor : mean));
                    }
                }
            }
        }
        Path file = dir.resolve(name);
        mapper.writeValue(file.toFile(), real);
        return file;
    }

    @Test
    void approveDryRunPrintsTheDiffAndWritesNothing() {
        Cli.Result result = inProject("approve", "--reason", "first", "--dry-run", "--allow-noisy", "--allow-unsettled",
                "--results", Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("--- /dev/null").contains("+++ b/baselines/linux-x86_64.json")
                .contains("\"reason\" : \"first\"").contains("@@ -0,0 +1,").contains("dry run");
        assertThat(dir.resolve("baselines")).doesNotExist();
        assertThat(dir.resolve("history")).doesNotExist();
    }

    @Test
    void approveOnlyChangesTheSelectedBenchmarkAndRecordsTheApproval() throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--approver", "alice", "--results", results).exitCode()).isZero();
        Path baseline = dir.resolve("baselines").resolve(PLATFORM + ".json");
        String before = Files.readString(baseline);

        Cli.Result second = inProject("approve", "--reason", "only alloc", "--allow-noisy", "--allow-unsettled",
                "--approver", "bob", "--only", "AllocBenchmark", "--results", results);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<String> changed = second.out().lines()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
                .toList();
        assertThat(changed).isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsAnyOf("approved_at", "approved_by", "reason", "run_id",
                        "timestamp"));
        assertThat(Files.readString(baseline)).isNotEqualTo(before).contains("\"approved_by\" : \"bob\"")
                .contains("\"approved_by\" : \"alice\"");

        List<HistoryRecord> history = new HistoryStore(dir, Clock.systemUTC()).readAll(PlatformKey.parse(PLATFORM));
        assertThat(history).hasSize(4);
        assertThat(history.get(3)).isInstanceOfSatisfying(HistoryRecord.ApprovalRecord.class, a -> {
            assertThat(a.approver()).isEqualTo("bob");
            assertThat(a.reason()).isEqualTo("only alloc");
            assertThat(a.benchmarks()).singleElement().satisfies(id -> assertThat(id.name()).endsWith("AllocBenchmark.allocate"));
        });
    }

    @Test
    void checkAgainstItsOwnBaselinePassesWithoutRegressions() {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results).exitCode())
                .isZero();
        Cli.Result check = inProject("check", "--results", results, "--json", dir.resolve("report.json").toString());
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("ParamsBenchmark").contains("perf-gate: PASS");
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void runOptionsWithResultsAreReportedAsIgnored() {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results).exitCode())
                .isZero();
        Cli.Result check = inProject("check", "--results", results, "--include", "Alloc", "--profile", "thorough");
        assertThat(check.exitCode()).isZero();
        assertThat(check.err()).contains("warning: --include, --profile only affect a benchmark run");
    }

    @Test
    void benchmarksMissingFromTheRunAreWarnedAbout() throws Exception {
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled", "--results",
                Cli.jmhFixture("gc-params-forks.json").toString()).exitCode()).isZero();
        Cli.Result check = inProject("check", "--results", Cli.jmhFixture("single-fork.json").toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("MISSING").contains("of the baseline did not run").contains("not gated")
                .contains("5 missing");
    }

    @Test
    void approveThatCannotRecordTheRunLeavesTheBaselineUntouched() throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results).exitCode())
                .isZero();
        Path baseline = dir.resolve("baselines").resolve(PLATFORM + ".json");
        String before = Files.readString(baseline);
        Path history = dir.resolve("history").resolve(PLATFORM + ".jsonl");
        Files.delete(history);
        Files.createDirectory(history);

        Cli.Result again = inProject("approve", "--reason", "second", "--allow-noisy", "--allow-unsettled",
                "--results", results);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(Files.readString(baseline)).isEqualTo(before);
    }

    @Test
    void reportToAnUnwritablePathNamesThePathAndTheReason() throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results).exitCode())
                .isZero();
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        Path target = blocker.resolve("report.md");
        Cli.Result check = inProject("check", "--results", results, "--markdown", target.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err().lines().filter(l -> !l.startsWith("perf-gate: note: ")))
                .singleElement().asString().startsWith("perf-gate: cannot write " + target).doesNotContain("Exception");
        assertThat(check.out()).as("no verdict printed before failing").isEmpty();
    }

    @Test
    void baselineOfAnotherPlatformInTheFileIsRefused() throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(inProject("approve", "--reason", "first", "--allow-noisy", "--allow-unsettled",
                "--results", results).exitCode())
                .isZero();
        Path baseline = dir.resolve("baselines").resolve(PLATFORM + ".json");
        Files.writeString(baseline, Files.readString(baseline).replace("\"platform\" : \"linux-x86_64\"",
                "\"platform\" : \"macos-aarch64\""));
        Cli.Result check = inProject("check", "--results", results);
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("$.platform").contains("says macos-aarch64");
    }

    @Test
    void compareOfTheSameFileFindsNoRegression() {
        String file = Cli.jmhFixture("gc-params-forks.json").toString();
        Cli.Result result = Cli.run("compare", file, file);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("REGRESSION").contains("perf-gate: PASS");
    }

    @Test
    void recordThenHistoryShowsTheRunsInEveryFormat() {
        String file = Cli.jmhFixture("gc-params-forks.json").toString();
        for (int i = 0; i < 2; i++) {
            Cli.Result recorded = inProject("record", "--results", file, "--commit", "abc" + i, "--branch", "main");
            assertThat(recorded.exitCode()).isZero();
            assertThat(recorded.out()).contains("recorded run").contains("commit abc" + i);
        }
        assertThat(inProject("history").out()).contains("ParamsBenchmark").contains("2 runs");
        assertThat(inProject("history", "--format", "markdown").out()).startsWith("### perf-gate history");
        assertThat(inProject("history", "--format", "json").out()).contains("\"commit\" : \"abc1\"");
        assertThat(inProject("history", "--format", "html", "--out", dir.resolve("trend.html").toString()).exitCode())
                .isZero();
        assertThat(dir.resolve("trend.html")).content().startsWith("<!DOCTYPE html>").doesNotContain("<script");
    }
}
