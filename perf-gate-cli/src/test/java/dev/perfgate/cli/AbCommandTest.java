package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.stats.RunPlan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code perf-gate ab} on the real fixture jar: the same jar on both sides passes; a real injected
 * slowdown on the head side fails with exit 1, compared pair by pair after {@code --confirm} reran it. Tiny settings: 5 forks
 * per side of three warm-up and two measurement iterations of 100 ms of the spin benchmark only (after
 * one warm-up iteration, its first measured iteration still reads up to 2.4 times the second).
 */
class AbCommandTest {

    @TempDir
    Path dir;

    private List<String> ab(String... extra) {
        String jar = Cli.fixtureJar().toString();
        List<String> args = new ArrayList<>(List.of("ab", "--base", jar, "--head", jar, "--include", "SpinBenchmark",
                "--profile", "quick", "--forks", "5", "--warmup-iterations", "3", "--iterations", "2",
                "--iteration-time", "100ms", "--seed", "7", "--out", dir.resolve("ab").resolve("r.json").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void interleavesTheForksOfBothSidesAndGatesTheDifference() {
        Cli.Result same = Cli.run(ab("--threshold", "25").toArray(String[]::new));
        // A 100% slowdown against a 50% threshold: few forks decide it, so the confirmation stays short.
        // --paired: 5 pairs cannot be significant at 0.05, so the confirmation must add pairs to decide.
        Cli.Result slower = Cli.run(ab("--head-jvm-arg=-Dperfgate.fixture.slowdown=2.0", "--threshold", "50",
                "--confirm", "--paired", "--json", dir.resolve("ab.json").toString()).toArray(String[]::new));

        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("perf-gate: PASS");
        assertThat(same.err()).contains("--seed 7").contains("ab fork 5/5: base").contains("ab fork 5/5: head")
                .doesNotContain("pair by pair");
        assertThat(slower.err()).contains("compared pair by pair");
        assertThat(slower.exitCode()).as(slower.err()).isEqualTo(1);
        assertThat(slower.out()).contains("SpinBenchmark").contains("REGRESSION");
        assertThat(dir.resolve("ab.json")).content().contains("\"verdict\" : \"regression\"");
        // --confirm reruns the regressed benchmark with at least as many interleaved fork pairs again.
        assertThat(slower.err()).contains("--confirm: ").containsPattern("in doubt; rerunning 1 benchmark method with "
                + "\\d+ more forks").contains("ab fork 6/");
        assertThat(dir.resolve("ab").resolve("ab-head-6.json")).exists();
        assertThat(same.err()).doesNotContain("--confirm");
    }

    @Test
    void refusesBenchmarksAndMissingJars() {
        Cli.Result both = Cli.run("ab", "--base", "a.jar", "--head", "b.jar", "--benchmarks", "c.jar");
        Cli.Result missing = Cli.run("ab", "--head", "b.jar");

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--base and --head, not --benchmarks");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--base");
    }

    @Test
    void checksTheHeadJarBeforeRunningAnyFork() {
        Cli.Result result = Cli.run("ab", "--base", Cli.fixtureJar().toString(), "--head",
                dir.resolve("missing.jar").toString(), "--out", dir.resolve("r.json").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("missing.jar: no such file").doesNotContain("ab fork");
    }

    /**
     * Every fork of ab is a JMH run with -f 1, so two benchmarks whose plans differ only in their fork
     * counts share one JMH run per fork and side; a benchmark with other iterations gets its own.
     */
    @Test
    void benchmarksWhosePlansDifferOnlyInForksShareOneJmhRunPerFork() throws Exception {
        List<PlannedRuns.Group> groups = List.of(group("a.A.x", 57, 1), group("a.B.y", 53, 1), group("a.C.z", 12, 4));

        List<PlannedRuns.Group> merged = AbCommand.byShape(groups);

        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).methods()).containsExactly("a.A.x", "a.B.y");
        assertThat(merged.get(0).options().plans).containsOnlyKeys("a.A.x", "a.B.y");
        assertThat(merged.get(0).expectedSeconds()).isEqualTo(2.0);
        assertThat(merged.get(1).methods()).containsExactly("a.C.z");
    }

    /** A group of one method as ab runs it in one fork: its plan's settings, -f 1. */
    private static PlannedRuns.Group group(String method, int forks, int iterations) {
        RunPlan plan = new RunPlan(forks, 2, iterations, Duration.ofSeconds(1), 0.05, 1.6, forks * (1.6 + 2 + iterations),
                0.05);
        RunOptions options = new RunOptions();
        options.profile = Profile.CALIBRATED;
        options.forks = 1;
        options.warmupIterations = plan.warmupIterations();
        options.iterations = plan.iterations();
        options.iterationTime = plan.jmhIterationTime();
        options.plans = Map.of(method, plan);
        return new PlannedRuns.Group(options, List.of(method), plan, 1.0);
    }

    /**
     * Plans sized for the rank-sum test may have fewer forks than the 6 pairs a signed-rank test needs:
     * ab --paired raises them. Plans that would take both sides past the budget run the same share of
     * their forks.
     */
    @Test
    void pairsAreAtLeastSixAndShareTheBudget() {
        // 57 forks x 2 s and 4 forks x 2 s: 2 x 122 s both sides
        List<PlannedRuns.Group> groups = List.of(planned("a.A.x", 57), planned("a.B.y", 4));

        List<PlannedRuns.Group> unlimited = AbCommand.pairs(groups, 6, Double.POSITIVE_INFINITY);
        List<PlannedRuns.Group> halved = AbCommand.pairs(groups, 6, 126);

        assertThat(unlimited).extracting(g -> g.options().forkCount()).containsExactly(57, 6);
        assertThat(unlimited.get(1).expectedSeconds()).isEqualTo(12.0);
        // (57 + 6) x 2 s x 2 sides = 252 s; 126 s is half of it: 28 and 3 -> at least 6
        assertThat(halved).extracting(g -> g.options().forkCount()).containsExactly(28, 6);
        assertThat(halved.get(0).expectedSeconds()).isEqualTo(56.0);
    }

    private static PlannedRuns.Group planned(String method, int forks) {
        RunOptions options = new RunOptions();
        options.profile = Profile.CALIBRATED;
        options.forks = forks;
        return new PlannedRuns.Group(options, List.of(method), null, forks * 2.0);
    }
}
