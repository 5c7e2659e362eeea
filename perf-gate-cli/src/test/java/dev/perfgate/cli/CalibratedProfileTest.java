package dev.perfgate.cli;

import dev.perfgate.core.baseline.BaselineCodec;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.stats.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code calibrate} plans and {@code --profile calibrated} runs the plans, with real JMH runs of the
 * fixture jar at tiny settings (4 forks of 3 warm-up and 4 measurement iterations of 100 ms). The
 * threshold is 200% so that the plans stay small on a shared 2-core machine whose load makes these
 * runs noisy: these tests are about what runs, not about verdicts.
 */
class CalibratedProfileTest {

    private static final String PLATFORM = "linux-x86_64";
    private static final String SPIN = "dev.perfgate.fixtures.SpinBenchmark.spin";
    private static final String ALLOC = "dev.perfgate.fixtures.AllocBenchmark.allocate";
    private static final List<String> TINY = List.of("--forks", "4", "--warmup-iterations", "3", "--iterations", "4",
            "--iteration-time", "100ms");

    @TempDir
    Path project;

    private Cli.Result perfGate(String command, String include, String out, List<String> settings, String... extra) {
        List<String> args = new ArrayList<>(List.of("--benchmarks", Cli.fixtureJar().toString(), "--include", include,
                "--out", project.resolve(out).toString()));
        args.addAll(settings);
        args.addAll(List.of(extra));
        return Cli.inProject(project, PLATFORM, command, args.toArray(String[]::new));
    }

    /** Approves a baseline of the spin and allocation benchmarks, then calibrates the spin benchmark only. */
    private RunPlan calibrateSpin() throws Exception {
        Cli.Result approved = perfGate("approve", "SpinBenchmark|AllocBenchmark", "base.json", TINY, "--reason",
                "test baseline", "--allow-noisy", "--allow-unsettled");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();

        Cli.Result calibrated = perfGate("calibrate", "SpinBenchmark", "cal.json", TINY, "--runs", "2",
                "--threshold", "200");

        assertThat(calibrated.exitCode()).as(calibrated.toString()).isZero();
        assertThat(calibrated.out()).contains("Run plans (--profile calibrated)", "measured from the wall time of "
                + "these runs", "SpinBenchmark.spin", "+      \"plan\" : {");
        Path baseline = project.resolve("baselines").resolve(PLATFORM + ".json");
        List<BaselineEntry> entries = new BaselineCodec().read(baseline.toString(), Files.readString(baseline))
                .sets().get(0).entries();
        BaselineEntry spin = entries.stream().filter(e -> e.id().name().equals(SPIN)).findFirst().orElseThrow();
        assertThat(spin.plan()).as(calibrated.toString()).isNotNull();
        assertThat(spin.noise().components()).isNotNull();
        assertThat(entries.stream().filter(e -> e.id().name().equals(ALLOC)).findFirst().orElseThrow().plan())
                .isNull();
        return spin.plan();
    }

    private static BenchmarkResult result(Path file, String name) throws Exception {
        return new JmhJsonReader().read(file).stream().filter(r -> r.id().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static void assertRanWith(BenchmarkResult result, RunPlan plan) {
        assertThat(result.settings().forks()).isEqualTo(plan.forks());
        assertThat(result.settings().warmupIterations()).isEqualTo(plan.warmupIterations());
        assertThat(result.settings().measurementIterations()).isEqualTo(plan.iterations());
        assertThat(result.settings().measurementTime()).isEqualTo(plan.iterationTime());
        assertThat(result.primary().forks()).hasSize(plan.forks());
    }

    @Test
    void checkRunsThePlansCalibrateStoredOnceEveryBenchmarkHasOne() throws Exception {
        RunPlan plan = calibrateSpin();

        Cli.Result checked = perfGate("check", "SpinBenchmark", "current.json", List.of(), "--threshold", "200");

        // The verdict is the noisy machine's; what ran is what this test is about.
        assertThat(checked.exitCode()).as(checked.toString()).isIn(0, 1);
        assertThat(checked.err()).contains("perf-gate: calibrated profile: every selected benchmark has a run plan",
                "running 1 benchmark (calibrated profile: " + String.join(" ", plan.jmhArguments()) + ")");
        assertRanWith(result(project.resolve("current.json"), SPIN), plan);
        assertThat(project.resolve("current.host.json")).exists();

        Path jar = Cli.fixtureJar();
        Cli.Result ab = Cli.inProject(project, PLATFORM, "ab", "--base", jar.toString(), "--head", jar.toString(),
                "--include", "SpinBenchmark", "--threshold", "200", "--seed", "1", "--out",
                project.resolve("ab").resolve("results.json").toString());

        assertThat(ab.exitCode()).as(ab.toString()).isIn(0, 1);
        assertThat(ab.err()).contains("calibrated profile: every selected benchmark has a run plan",
                "expected run time", "(both sides)", plan.forks() + " forks each", "ab fork " + plan.forks() + "/"
                        + plan.forks() + ": base");
        BenchmarkResult oneFork = result(project.resolve("ab").resolve("ab-head-1.json"), SPIN);
        assertThat(oneFork.settings().forks()).isEqualTo(1);
        assertThat(oneFork.settings().warmupIterations()).isEqualTo(plan.warmupIterations());
        assertThat(oneFork.settings().measurementIterations()).isEqualTo(plan.iterations());
        assertThat(oneFork.settings().measurementTime()).isEqualTo(plan.iterationTime());
        assertThat(project.resolve("ab").resolve("ab-base-" + (plan.forks() + 1) + ".json")).doesNotExist();
    }

    @Test
    void aBenchmarkWithoutAPlanRunsTheFixedProfileAndSaysSo() throws Exception {
        RunPlan plan = calibrateSpin();
        List<String> small = List.of("--forks", "4", "--warmup-iterations", "1", "--iterations", "2",
                "--iteration-time", "100ms");

        Cli.Result calibrated = perfGate("check", "SpinBenchmark|AllocBenchmark", "mixed.json", small,
                "--profile", "calibrated", "--threshold", "200");
        Cli.Result fixed = perfGate("check", "SpinBenchmark|AllocBenchmark", "fixed.json", small, "--threshold", "200");

        assertThat(calibrated.exitCode()).as(calibrated.toString()).isIn(0, 1);
        assertThat(calibrated.err()).contains("calibrated profile: run plans for",
                "without a run plan, AllocBenchmark.allocate runs the standard profile's settings "
                        + "(-f 4 -wi 1 -w 100ms -i 2 -r 100ms): perf-gate calibrate plans it",
                "group 1/2", "group 2/2", "[2/2] " + ALLOC);
        assertRanWith(result(project.resolve("mixed.json"), SPIN), plan);
        BenchmarkResult alloc = result(project.resolve("mixed.json"), ALLOC);
        assertThat(alloc.settings().forks()).isEqualTo(4);
        assertThat(alloc.settings().measurementIterations()).isEqualTo(2);
        assertThat(project.resolve("mixed.group-1.json")).doesNotExist();
        assertThat(fixed.exitCode()).as(fixed.toString()).isIn(0, 1);
        assertThat(fixed.err()).contains("standard profile with the settings given on the command line; --profile "
                + "calibrated runs the run plans in baselines/" + PLATFORM + ".json");
        assertThat(result(project.resolve("fixed.json"), SPIN).settings().forks()).isEqualTo(4);
    }
}
