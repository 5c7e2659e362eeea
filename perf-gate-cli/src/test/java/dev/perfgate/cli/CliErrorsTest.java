package dev.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad usage and bad input: exit code 2, a one-line message naming the file and the place, no
 * stack trace, nothing stored changed. Inputs are derived from real JMH output.
 */
class CliErrorsTest {

    @TempDir
    Path dir;

    private static void assertBadInput(Cli.Result result, String... fragments) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        String firstLine = result.err().lines().findFirst().orElse("");
        assertThat(firstLine).startsWith("perf-gate: ").contains(fragments);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
        assertThat(result.err().lines().filter(l -> !l.startsWith("Try '")).count())
                .as("one-line message: " + result.err()).isEqualTo(1);
    }

    private Path truncatedResults() throws Exception {
        String real = Files.readString(Cli.jmhFixture("gc-params-forks.json"));
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, real.substring(0, real.length() / 2));
        return file;
    }

    @Test
    void truncatedResultsNameTheFileAndLine() throws Exception {
        Path file = truncatedResults();
        assertBadInput(Cli.run("check", "--project-dir", dir.toString(), "--results", file.toString()),
                file.toString(), "line ", "column ");
    }

    @Test
    void wrongTypeNamesTheJsonPath() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode real = (ArrayNode) mapper.readTree(Cli.jmhFixture("single-fork.json").toFile());
        ((ObjectNode) real.get(0).get("primaryMetric")).putObject("score");
        Path file = dir.resolve("wrong-type.json");
        mapper.writeValue(file.toFile(), real);
        assertBadInput(Cli.run("compare", file.toString(), Cli.jmhFixture("single-fork.json").toString()),
                "$[0].primaryMetric.score", "expected a number");
    }

    @Test
    void emptyArrayIsRefused() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "[]");
        assertBadInput(Cli.run("record", "--project-dir", dir.toString(), "--results", file.toString()),
                "no benchmark results");
        assertThat(dir.resolve("history")).doesNotExist();
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.json");
        assertBadInput(Cli.run("compare", file.toString(), file.toString()), file.toString(), "no such file");
    }

    @Test
    void directoryInsteadOfFileIsNamed() {
        assertBadInput(Cli.run("record", "--project-dir", dir.toString(), "--results", dir.toString()),
                "is a directory");
    }

    @Test
    void corruptBaselineFailsCheckWithoutTouchingIt() throws Exception {
        Path baseline = dir.resolve("baselines").resolve("linux-x86_64.json");
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, "{ \"version\": 1, \"platform\": \"linux-x86_64\", ");
        assertBadInput(Cli.run("check", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", Cli.jmhFixture("single-fork.json").toString()), "linux-x86_64.json", "line 1");
        assertThat(Files.readString(baseline)).isEqualTo("{ \"version\": 1, \"platform\": \"linux-x86_64\", ");
    }

    @Test
    void baselineOfNewerSchemaAsksForNewerPerfGate() throws Exception {
        Path baseline = dir.resolve("baselines").resolve("linux-x86_64.json");
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, "{ \"version\": 99, \"requires\": \"perf-gate 2.0.0\" }");
        assertBadInput(Cli.run("check", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", Cli.jmhFixture("single-fork.json").toString()), "$.version", "needs perf-gate 2.0.0 or later");
    }

    @Test
    void corruptHistoryLineIsReportedByLineNumber() throws Exception {
        Path history = dir.resolve("history").resolve("linux-x86_64.jsonl");
        Files.createDirectories(history.getParent());
        assertThat(Cli.run("record", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", Cli.jmhFixture("single-fork.json").toString()).exitCode()).isZero();
        Files.writeString(history, "not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(Cli.run("record", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", Cli.jmhFixture("single-fork.json").toString()).exitCode()).isZero();
        assertBadInput(Cli.run("history", "--project-dir", dir.toString(), "--platform", "linux-x86_64"),
                "linux-x86_64.jsonl", "line 2");
    }

    @Test
    void historyVerifyListsEveryBadLineAndExitsTwo() throws Exception {
        Path history = dir.resolve("history").resolve("linux-x86_64.jsonl");
        for (int i = 0; i < 2; i++) {
            assertThat(Cli.run("record", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                    "--results", Cli.jmhFixture("single-fork.json").toString()).exitCode()).isZero();
        }
        Cli.Result good = Cli.run("history", "verify", "--project-dir", dir.toString());
        Files.writeString(history, "not json\n{\"schema\":1}\n{\"schema\":1,\"ty", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Cli.Result bad = Cli.run("history", "verify", "--project-dir", dir.toString());
        Cli.Result missing = Cli.run("history", "verify", "--project-dir", dir.toString(), "nowhere.jsonl");

        assertThat(good.exitCode()).as(good.toString()).isZero();
        assertThat(good.out()).contains("linux-x86_64.jsonl: 2 records in 2 lines, OK");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.out().lines()).hasSize(3);
        assertThat(bad.out()).contains("line 3: malformed JSON", "line 4, $.type", "2 records in 5 lines, 2 bad lines");
        assertThat(bad.err()).contains("line 5 is torn").doesNotContain("Exception");
        assertBadInput(missing, "nowhere.jsonl", "no such history file");
    }

    @Test
    void platformOutsideTheKnownSetIsRefused() {
        assertBadInput(Cli.run("check", "--project-dir", dir.toString(), "--platform", "../../x",
                "--results", Cli.jmhFixture("single-fork.json").toString()), "--platform");
        assertThat(dir.resolve("baselines")).doesNotExist();
    }

    @Test
    void approveWithoutReasonIsUsageError() {
        Cli.Result result = Cli.run("approve", "--project-dir", dir.toString(),
                "--results", Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--reason").doesNotContain("Exception");
    }

    @Test
    void unknownOptionAndBadValuesAreUsageErrors() {
        assertThat(Cli.run("check", "--no-such-option").exitCode()).isEqualTo(2);
        assertBadInput(Cli.run("run", "--profile", "fastest"), "unknown profile 'fastest'");
        assertBadInput(Cli.run("check", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--threshold", "-3", "--results", Cli.jmhFixture("single-fork.json").toString()), "--threshold");
        assertBadInput(Cli.run("history", "--project-dir", dir.toString(), "--format", "pdf"), "--format");
        assertBadInput(Cli.run("run", "--project-dir", dir.toString(), "--iteration-time", "0s"), "--iteration-time");
        assertBadInput(Cli.run("run", "--project-dir", dir.toString(), "--forks", "0"), "--forks");
    }

    @Test
    void missingBenchmarksJarIsBadInput() {
        Path jar = dir.resolve("missing.jar");
        assertBadInput(Cli.run("run", "--project-dir", dir.toString(), "--benchmarks", jar.toString()),
                jar.toString(), "no such file");
    }

    @Test
    void benchmarksFileThatIsNotAJarIsBadInput() {
        Path json = Cli.jmhFixture("single-fork.json");
        assertBadInput(Cli.run("run", "--project-dir", dir.toString(), "--benchmarks", json.toString()),
                json.toString(), "is not a jar file");
    }

    @Test
    void trailingContentAfterTheResultsIsRefusedInPlainWords() throws Exception {
        Path file = dir.resolve("twice.json");
        String real = Files.readString(Cli.jmhFixture("single-fork.json"));
        Files.writeString(file, real + real);
        assertBadInput(Cli.run("compare", file.toString(), file.toString()), "unexpected content after the end");
    }

    @Test
    void includeMatchingNothingIsUsageError() {
        assertBadInput(Cli.run("run", "--project-dir", dir.toString(), "--benchmarks", Cli.fixtureJar().toString(),
                "--include", "NoSuchBenchmarkAnywhere"), "no benchmark matches");
    }

    @Test
    void withoutBenchmarksJarABaselineOfOtherBenchmarksIsRefusedBeforeAnythingRuns() throws Exception {
        // A user project's results: real JMH output of the fixtures, moved to the user's package (the
        // fixtures are on this test's classpath, so they would run as "bundled" benchmarks here).
        Path theirs = dir.resolve("theirs.json");
        Files.writeString(theirs, Files.readString(Cli.jmhFixture("gc-params-forks.json"))
                .replace("dev.perfgate.fixtures.", "org.acme.orders."));
        Cli.Result approved = Cli.run("approve", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", theirs.toString(), "--reason", "first baseline",
                "--approver", "test", "--allow-noisy", "--allow-unsettled");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        Path baseline = dir.resolve("baselines").resolve("linux-x86_64.json");
        String before = Files.readString(baseline);

        for (List<String> command : List.of(List.of("check"), List.of("run"), List.of("approve", "--reason", "r"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--project-dir", dir.toString(), "--platform", "linux-x86_64", "--out",
                    dir.resolve("out.json").toString()));
            Cli.Result refused = Cli.run(args.toArray(String[]::new));
            assertBadInput(refused, "no --benchmarks JAR given, so the bundled kernel benchmarks would run, but "
                    + "baselines/linux-x86_64.json holds none of them (it holds org.acme.orders.AllocBenchmark.allocate and 1 more)",
                    "pass --benchmarks with the jar those are built into");
            assertThat(refused.err()).as(command.get(0)).doesNotContain("running");
        }
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(Files.readString(baseline)).isEqualTo(before);
    }

    @Test
    void failingBenchmarkRunExitsThree() {
        Cli.Result result = Cli.run("run", "--project-dir", dir.toString(), "--benchmarks",
                Cli.fixtureJar().toString(), "--include", "SpinBenchmark", "--forks", "1", "--warmup-iterations", "0",
                "--iterations", "1", "--iteration-time", "100ms", "--jvm-arg=-Dperfgate.fixture.slowdown=-1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("benchmark run failed").contains("jmh.log");
    }
}
