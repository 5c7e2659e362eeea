package dev.perfgate.cli;

import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.platform.PlatformDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baselines per host class through the command line: results keep the host that measured them
 * (host files beside them, merged with the shards), check compares with the set of that class, and
 * gives advisory verdicts naming what differs when there is none.
 */
class HostClassesTest {

    private static final PlatformKey PLATFORM = PlatformDetector.ofThisMachine().platformKey();
    private static final String KEY = PLATFORM.toString();
    /** A host class no test machine has: 96 cores. */
    private static final HostIdentity RUNNER = host(96, "CI runner CPU");
    private static final HostIdentity OTHER_RUNNER = host(48, "CI runner CPU");

    @TempDir
    Path dir;

    private static HostIdentity host(int cores, String cpu) {
        return new HostIdentity(new HostClass(PLATFORM, List.of("avx", "avx2", "fma", "sse4.2"), 256, cores, 17),
                "17.0.15+6", Map.of("MaxVectorSize", "32"), "", new HostSpeed(Map.of("scalar_chain",
                new HostSpeed.Probe(1.2, 0.01))));
    }

    private Path shard(String name, String fixture, HostIdentity host) throws Exception {
        Path results = Files.copy(Cli.jmhFixture(fixture), dir.resolve(name));
        HostFile.write(results, List.of(new HostFile.Entry(name, new Fingerprint(host == RUNNER ? "CI runner CPU"
                : "other CPU", host.hostClass().cores(), "Eclipse Adoptium", "17.0.15", List.of(), "Linux", "6.5"),
                host)));
        return results;
    }

    @Test
    void mergedShardsKeepTheirHostSoTheGateMachineDoesNotMatter() throws Exception {
        Path merged = dir.resolve("merged.json");
        Cli.Result merge = Cli.run("merge", "--platform", KEY, "--out", merged.toString(),
                shard("shard-1.json", "modes.json", RUNNER).toString(),
                shard("shard-2.json", "single-fork.json", RUNNER).toString(),
                HostFile.pathFor(dir.resolve("shard-1.json")).toString());
        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        assertThat(HostFile.read(merged, PLATFORM).orElseThrow()).extracting(HostFile.Entry::results)
                .containsExactly("shard-1.json", "shard-2.json");

        Cli.Result approve = Cli.inProject(dir, KEY, "approve", "--results", merged.toString(), "--reason", "runners",
                "--allow-noisy", "--allow-unsettled");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        String baseline = Files.readString(dir.resolve("baselines").resolve(KEY + ".json"));
        assertThat(baseline).contains("\"cpu\" : \"CI runner CPU\"", "\"cores\" : 96")
                .doesNotContain(PlatformDetector.ofThisMachine().cpuModel().isEmpty() ? "\"never\"" : "\"cpu\" : \""
                        + PlatformDetector.ofThisMachine().cpuModel() + "\"");

        Cli.Result check = Cli.inProject(dir, KEY, "check", "--results", merged.toString(), "--confirm");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).doesNotContain("advisory");
        assertThat(check.err()).contains("not confirming here: the results were measured on another host class");
    }

    @Test
    void shardsOfTwoHostClassesAreMergedWithAWarningAndGiveAdvisoryVerdicts() throws Exception {
        Path one = shard("shard-1.json", "modes.json", RUNNER);
        Cli.Result approve = Cli.inProject(dir, KEY, "approve", "--results", one.toString(), "--reason", "runners",
                "--allow-noisy", "--allow-unsettled");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        Path merged = dir.resolve("merged.json");

        Cli.Result merge = Cli.run("merge", "--platform", KEY, "--out", merged.toString(), one.toString(),
                shard("shard-2.json", "single-fork.json", OTHER_RUNNER).toString());
        Cli.Result check = Cli.inProject(dir, KEY, "check", "--results", merged.toString(), "--json",
                dir.resolve("report.json").toString());

        assertThat(merge.err()).contains("the shards ran on 2 different host classes");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("verdicts are advisory", "hosts of 2 different classes", "shard-2.json");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"advisory\" : true");
    }

    @Test
    void aPlatformWithoutABaselineStillGetsItsReport() throws Exception {
        Cli.Result check = Cli.inProject(dir, KEY, "check", "--results", Cli.jmhFixture("modes.json").toString(),
                "--json", dir.resolve("report.json").toString(), "--markdown", dir.resolve("report.md").toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"verdict\" : \"new\"",
                "no baseline for " + KEY + " yet");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Verdicts are advisory: no baseline for");
    }

    @Test
    void aCheckWithoutABaselineOrResultsStillWritesTheReportsAskedFor() throws Exception {
        Cli.Result quiet = Cli.inProject(dir, KEY, "check");
        Cli.Result reported = Cli.inProject(dir, KEY, "check", "--benchmarks", Cli.fixtureJar().toString(),
                "--include", "SpinBenchmark", "--forks", "1", "--warmup-iterations", "1", "--iterations", "1",
                "--iteration-time", "100ms", "--out", dir.resolve("first.json").toString(),
                "--json", dir.resolve("report.json").toString(), "--markdown", dir.resolve("report.md").toString());

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).contains("so nothing to check");
        assertThat(reported.exitCode()).as(reported.toString()).isZero();
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"verdict\" : \"new\"",
                "no baseline for " + KEY + " yet");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Verdicts are advisory: no baseline for");
    }

    /**
     * Real JMH runs: the baseline is measured by a benchmark JVM limited to one processor (another host
     * class on any machine), the check by an unlimited one with a 30% slowdown injected.
     */
    @Test
    void aRegressionAgainstAnotherHostClassIsAdviceUnlessStrict() throws Exception {
        Cli.Result approve = Cli.run(runArgs("approve", "base.json", "--reason", "one-processor host",
                "--allow-noisy", "--allow-unsettled", "--jvm-arg=-XX:ActiveProcessorCount=1"));
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(approve.err()).contains("host: " + KEY).contains(" 1 core,");

        Cli.Result check = Cli.run(runArgs("check", "slow.json", "--threshold", "15",
                "--jvm-arg=-Dperfgate.fixture.slowdown=1.3"));
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("verdicts are advisory", "no baseline for this host class",
                "cores here, 1 in the baseline").containsPattern("SpinBenchmark\\.spin .*REGRESSION");

        Cli.Result strict = Cli.inProject(dir, KEY, "check", "--threshold", "15", "--strict", "--results",
                dir.resolve("slow.json").toString());
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    }

    private String[] runArgs(String command, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--project-dir", dir.toString(), "--platform", KEY,
                "--benchmarks", Cli.fixtureJar().toString(), "--include", "SpinBenchmark",
                "--forks", "8", "--warmup-iterations", "3", "--iterations", "3", "--iteration-time", "200ms",
                "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
