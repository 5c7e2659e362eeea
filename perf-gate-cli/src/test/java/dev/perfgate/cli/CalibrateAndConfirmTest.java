package dev.perfgate.cli;

import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code calibrate} and {@code check --confirm} with real JMH runs of the fixture jar, tiny settings
 * (4 forks of three warm-up and two measurement iterations of 100 ms of the spin benchmark; after one
 * warm-up iteration its first measured iteration still read 1.3 to 2.4 times the second, warm-up
 * that made the forks too noisy to decide). A 100% slowdown injected
 * into the benchmark JVMs stands for a real regression; the threshold is 25% because consecutive
 * runs of a shared 2-core machine drift by several percent and these tests are about the wiring.
 */
class CalibrateAndConfirmTest {

    private static final String PLATFORM = "linux-x86_64";
    private static final String SLOWER = "--jvm-arg=-Dperfgate.fixture.slowdown=2.0";

    @TempDir
    Path project;

    private Cli.Result perfGate(String command, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--benchmarks", Cli.fixtureJar().toString(), "--include",
                "SpinBenchmark", "--forks", "4", "--warmup-iterations", "3", "--iterations", "2",
                "--iteration-time", "100ms", "--out", project.resolve(out).toString()));
        args.addAll(List.of(extra));
        return Cli.inProject(project, PLATFORM, command, args.toArray(String[]::new));
    }

    private Path baseline() {
        return project.resolve("baselines").resolve(PLATFORM + ".json");
    }

    private void approveBaseline() {
        Cli.Result approved = perfGate("approve", "base.json", "--reason", "test baseline", "--allow-noisy");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
    }

    @Test
    void calibrateStoresEachBenchmarksNoiseWithItsBaselineEntry() throws Exception {
        approveBaseline();
        String before = Files.readString(baseline());

        Cli.Result calibrated = perfGate("calibrate", "cal.json", "--runs", "2");
        String after = Files.readString(baseline());
        Cli.Result fromFiles = perfGate("calibrate", "cal.json", "--dry-run", "--results",
                project.resolve("cal-calibrate-1.json").toString(), project.resolve("cal-calibrate-2.json").toString());

        assertThat(calibrated.exitCode()).as(calibrated.toString()).isZero();
        assertThat(calibrated.err()).contains("calibrate run 1/2", "calibrate run 2/2",
                "stored the noise of 1 benchmark in baselines/" + PLATFORM + ".json");
        assertThat(calibrated.out()).contains("SpinBenchmark", "fork", "standard", "forks for", "+      \"noise\" : {");
        // The recorded-baseline workflow's pull request shows calibrate's tables without the diff.
        String summary = WorkflowLogicTest.recordBaselineSummary(calibrated.out(), project.resolve("ci"), PLATFORM);
        assertThat(summary).contains("### " + PLATFORM, "forks for", "Run plans", "SpinBenchmark")
                .doesNotContain("--- a/", "\"noise\"");
        assertThat(before).doesNotContain("\"noise\"");
        assertThat(after).contains("\"fork_log_sd\"", "\"run_log_sd\"", "\"runs\" : 2", "\"forks\" : 8");
        assertThat(fromFiles.exitCode()).as(fromFiles.toString()).isZero();
        assertThat(fromFiles.err()).contains("would store the noise of 1 benchmark", "--dry-run: nothing written");
        assertThat(Files.readString(baseline())).isEqualTo(after);
        assertThat(fromFiles.out()).contains("fork cost 0.5 s, the default");
        Cli.Result forAb = perfGate("calibrate", "cal.json", "--dry-run", "--fork-cost", "2.5", "--results",
                project.resolve("cal-calibrate-1.json").toString(), project.resolve("cal-calibrate-2.json").toString());
        assertThat(forAb.exitCode()).as(forAb.toString()).isZero();
        assertThat(forAb.out()).contains("fork cost 2.5 s, as given (--fork-cost)");
        Cli.Result negative = perfGate("calibrate", "cal.json", "--dry-run", "--fork-cost", "-1", "--results",
                project.resolve("cal-calibrate-1.json").toString());
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--fork-cost must be between 0 and 3600 seconds");

        Cli.Result weaker = perfGate("calibrate", "cal.json", "--dry-run", "--results",
                project.resolve("cal-calibrate-1.json").toString());
        assertThat(weaker.exitCode()).as(weaker.toString()).isZero();
        assertThat(weaker.err()).contains("one run measures no run-to-run shift",
                "replaces a calibration from 2 runs with one from 1");
    }

    @Test
    void calibrateWithoutABaselineSaysToApproveOneFirst() {
        Cli.Result result = perfGate("calibrate", "cal.json", "--runs", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").contains("approve a baseline first");
        assertThat(project.resolve("cal-calibrate-1.json")).doesNotExist();
    }

    @Test
    void confirmRerunsARegressionWithMoreForksBeforeFailing() {
        approveBaseline();

        Cli.Result slower = perfGate("check", "slower.json", "--threshold", "25", "--confirm", SLOWER);
        Cli.Result unchanged = perfGate("check", "same.json", "--threshold", "25", "--confirm");

        assertThat(slower.exitCode()).as(slower.toString()).isEqualTo(1);
        assertThat(slower.err()).containsPattern("--confirm: .*SpinBenchmark.* in doubt; rerunning 1 benchmark "
                + "method with \\d+ more forks");
        assertThat(slower.out()).contains("REGRESSION");
        assertThat(project.resolve("slower-confirm.json")).exists();
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        assertThat(unchanged.err()).contains("--confirm: every benchmark is decided; nothing to rerun");
        assertThat(project.resolve("same-confirm.json")).doesNotExist();
    }

    @Test
    void confirmOfResultsMeasuredElsewhereAddsForksOfTheirShape() throws Exception {
        approveBaseline();
        Path measured = project.resolve("shard.json");
        Cli.Result run = perfGate("run", "shard.json", SLOWER);

        // As a CI shard confirms its own results: no run settings given, so the standard profile's
        // 2 + 4 x 1 s would be the fixed settings; the forks added must be of the results' shape.
        Cli.Result checked = Cli.inProject(project, PLATFORM, "check", "--benchmarks", Cli.fixtureJar().toString(),
                "--include", "SpinBenchmark", "--results", measured.toString(), "--out", measured.toString(),
                "--threshold", "25", "--confirm", SLOWER);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(checked.exitCode()).as(checked.toString()).isEqualTo(1);
        assertThat(checked.err()).containsPattern("--confirm: .*SpinBenchmark.* in doubt; rerunning 1 benchmark "
                + "method with \\d+ more forks");
        List<BenchmarkResult> added = new JmhJsonReader().read(project.resolve("shard-confirm.json"));
        assertThat(added).isNotEmpty().allSatisfy(r -> {
            assertThat(r.settings().warmupIterations()).isEqualTo(3);
            assertThat(r.settings().measurementIterations()).isEqualTo(2);
            assertThat(r.settings().measurementTime()).isEqualTo(Duration.ofMillis(100));
        });
    }

    @Test
    void confirmWithoutTimeLeftLetsTheFirstRunDecide() {
        approveBaseline();

        Cli.Result result = perfGate("check", "slower.json", "--threshold", "25", "--confirm", "--max-time", "1s",
                SLOWER);
        Cli.Result bad = perfGate("check", "x.json", "--confirm", "--max-time", "ten minutes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("is less than 2 more forks; the first run decides");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--max-time must be a positive whole number");
    }
}
