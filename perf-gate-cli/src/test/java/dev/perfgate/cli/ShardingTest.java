package dev.perfgate.cli;

import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --shard I/N} and {@code merge}: shards of a real fixture jar run with tiny settings
 * (1 fork, 1 x 100 ms warm-up, 1 x 100 ms measurement), merges of real JMH output.
 */
class ShardingTest {

    private static final String PLATFORM = "linux-x86_64";

    @TempDir
    Path dir;

    private List<String> shardRun(String shard, String include, String out) {
        return new ArrayList<>(List.of("run", "--shard", shard, "--project-dir", dir.toString(),
                "--platform", PLATFORM, "--benchmarks", Cli.fixtureJar().toString(), "--include", include,
                "--profile", "quick", "--forks", "1", "--warmup-iterations", "1", "--iterations", "1",
                "--iteration-time", "100ms", "--out", dir.resolve(out).toString()));
    }

    private static Cli.Result run(List<String> args) {
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> names(Path results) throws Exception {
        return new JmhJsonReader().read(results).stream().map(r -> r.id().displayWithMode()).toList();
    }

    @Test
    void twoShardsMergedHoldEverySelectedBenchmarkExactlyOnce() throws Exception {
        String include = "SpinBenchmark|AllocBenchmark|ModesBenchmark.once";

        Cli.Result first = run(shardRun("1/2", include, "shard-1.json"));
        Cli.Result second = run(shardRun("2/2", include, "shard-2.json"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        // No baseline: every method counts the same and they are dealt by name, lowest shard first.
        assertThat(first.err()).contains("perf-gate: shard 1/2 runs 2 of 3 benchmark methods (67% of the expected "
                + "time; no baseline for linux-x86_64: every method counts the same): "
                + "dev.perfgate.fixtures.AllocBenchmark.allocate, dev.perfgate.fixtures.SpinBenchmark.spin");
        assertThat(second.err()).contains("perf-gate: shard 2/2 runs 1 of 3 benchmark methods")
                .contains(": dev.perfgate.fixtures.ModesBenchmark.once\n");
        Path merged = dir.resolve("merged.json");
        Cli.Result merge = Cli.run("merge", "--out", merged.toString(), dir.resolve("shard-1.json").toString(),
                dir.resolve("shard-2.json").toString());
        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        assertThat(merge.out()).contains("merged 3 benchmarks from 2 files into " + merged);
        assertThat(names(merged)).containsExactlyInAnyOrder(
                "dev.perfgate.fixtures.AllocBenchmark.allocate (avgt)",
                "dev.perfgate.fixtures.SpinBenchmark.spin (avgt)",
                "dev.perfgate.fixtures.ModesBenchmark.once (ss)");
    }

    @Test
    void shardsAreBalancedByTheBaselineOfThePlatform() throws Exception {
        // The baseline holds ParamsBenchmark.sum 4 times (its params) and AllocBenchmark.allocate once;
        // SpinBenchmark.spin is new and counts as the median, 2.5. Longest first: sum -> 1, spin -> 2,
        // allocate -> 3. Without the baseline, shard 3 would run spin (dealt by name).
        Cli.Result approved = Cli.run("approve", "--project-dir", dir.toString(), "--platform", PLATFORM,
                "--reason", "baseline for sharding", "--allow-noisy", "--allow-unsettled", "--results",
                Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(approved.exitCode()).as(approved.toString()).isZero();

        Cli.Result third = run(shardRun("3/3", "ParamsBenchmark|AllocBenchmark|SpinBenchmark", "shard-3.json"));

        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.err()).contains("perf-gate: shard 3/3 runs 1 of 3 benchmark methods (13% of the expected "
                + "time; 1 not in the baseline counted at the median): dev.perfgate.fixtures.AllocBenchmark.allocate");
        assertThat(names(dir.resolve("shard-3.json")))
                .containsExactly("dev.perfgate.fixtures.AllocBenchmark.allocate (avgt)");
    }

    @Test
    void emptyShardWritesAnEmptyArrayAndSucceeds() throws Exception {
        Cli.Result result = run(shardRun("3/3", "SpinBenchmark|AllocBenchmark", "shard-3.json"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("shard 3/3 has no benchmarks to run (2 methods for 3 shards)");
        assertThat(dir.resolve("shard-3.json")).content().isEqualTo("[]\n");
        assertThat(dir.resolve("jmh.log")).as("JMH did not run").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/2", "3/2", "1/0", "2", "a/b", "1/2/3", "-1/2"})
    void invalidShardIsABadUsage(String shard) {
        Cli.Result result = run(shardRun(shard, "SpinBenchmark", "shard.json"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("perf-gate: Invalid value for option '--shard'")
                .contains("'" + shard + "'").doesNotContain("Exception");
        assertThat(dir.resolve("shard.json")).doesNotExist();
    }

    @Test
    void mergeKeepsEveryResultOfRealJmhFiles() throws Exception {
        List<BenchmarkResult> expected = new ArrayList<>();
        for (String f : List.of("modes.json", "gc-params-forks.json", "single-fork.json")) {
            expected.addAll(new JmhJsonReader().read(Cli.jmhFixture(f)));
        }
        Path merged = dir.resolve("out").resolve("merged.json");

        Cli.Result result = Cli.run("merge", "--out", merged.toString(), Cli.jmhFixture("modes.json").toString(),
                Cli.jmhFixture("gc-params-forks.json").toString(), Cli.jmhFixture("single-fork.json").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(new JmhJsonReader().read(merged)).isEqualTo(expected);
    }

    @Test
    void mergeRefusesABenchmarkInTwoInputsNamingBothAndWritesNothing() {
        Path merged = dir.resolve("merged.json");
        String first = Cli.jmhFixture("gc-params-forks.json").toString();
        String second = Cli.jmhFixture("old-jmh.json").toString();

        Cli.Result result = Cli.run("merge", "--out", merged.toString(), first, second);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("perf-gate: " + second + ": $[0]: benchmark dev.perfgate.fixtures.AllocBenchmark.allocate")
                .contains("also in " + first);
        assertThat(merged).doesNotExist();
    }

    @Test
    void mergeRefusesABadInputWithItsPlaceAndLeavesAnEarlierOutputAlone() throws Exception {
        String real = Files.readString(Cli.jmhFixture("single-fork.json"));
        Path bad = Files.writeString(dir.resolve("bad.json"),
                real.replace("\"score\" : ", "\"score\" : \"fast\", \"x\" : "));
        Path merged = Files.writeString(dir.resolve("merged.json"), "earlier");

        Cli.Result result = Cli.run("merge", "--out", merged.toString(), Cli.jmhFixture("modes.json").toString(),
                bad.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("perf-gate: " + bad + ": $[0].primaryMetric.score: expected a number");
        assertThat(merged).content().isEqualTo("earlier");
    }

    @Test
    void mergeNeedsOutAndAnInput() {
        assertThat(Cli.run("merge", Cli.jmhFixture("modes.json").toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("merge", "--out", dir.resolve("m.json").toString()).exitCode()).isEqualTo(2);
    }
}
