package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate end to end, with real JMH runs of a real benchmarks jar: a baseline is approved, a run
 * with an injected 30% slowdown fails the gate (exit 1) naming the benchmark and its change, and an
 * unchanged rerun passes (exit 0).
 *
 * <p>Runs use small settings (8 forks of 3 x 200 ms) to keep the suite fast. The threshold is 15%
 * rather than the default 5%: consecutive runs on a shared 2-core CI machine can drift by several
 * percent as a whole, and this test is about the end-to-end wiring, not about the statistics (those
 * are tested on seeded samples in perf-core). A 30% slowdown is far beyond 15%.
 */
class EndToEndTest {

    private static List<String> runArgs(Path project, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--project-dir", project.toString(),
                "--benchmarks", Cli.fixtureJar().toString(), "--include", "SpinBenchmark",
                "--forks", "8", "--warmup-iterations", "2", "--iterations", "3", "--iteration-time", "200ms",
                "--out", project.resolve(out).toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void injectedSlowdownFailsTheGateAndUnchangedRerunPasses(@TempDir Path project) throws Exception {
        List<String> approve = new ArrayList<>(List.of("approve", "--reason", "end-to-end test baseline",
                "--approver", "e2e", "--allow-noisy"));
        approve.addAll(runArgs(project, "base.json"));
        Cli.Result approved = Cli.run(approve.toArray(String[]::new));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("+++ b/baselines/").contains("dev.perfgate.fixtures.SpinBenchmark.spin");
        assertThat(approved.err()).contains("fork 8/8").contains("ETA");
        assertThat(Files.readAllLines(project.resolve("history").resolve(platformFile(project, "jsonl"))))
                .hasSize(2);

        List<String> slow = new ArrayList<>(List.of("check", "--threshold", "15",
                "--json", project.resolve("slow-report.json").toString(),
                "--markdown", project.resolve("slow-report.md").toString(),
                "--junit", project.resolve("slow-report.xml").toString()));
        slow.addAll(runArgs(project, "slow.json", "--jvm-arg=-Dperfgate.fixture.slowdown=1.3"));
        Cli.Result slowed = Cli.run(slow.toArray(String[]::new));
        assertThat(slowed.exitCode()).as(slowed.toString()).isEqualTo(1);
        assertThat(slowed.out()).containsPattern("SpinBenchmark\\.spin +us/op .* \\+\\d{2,3}\\.\\d% .*REGRESSION");
        assertThat(Files.readString(project.resolve("slow-report.json"))).contains("\"verdict\" : \"regression\"");
        assertThat(Files.readString(project.resolve("slow-report.md"))).contains(":x: regression");
        assertThat(Files.readString(project.resolve("slow-report.xml"))).contains("<failure");

        List<String> same = new ArrayList<>(List.of("check", "--threshold", "15"));
        same.addAll(runArgs(project, "same.json"));
        Cli.Result unchanged = Cli.run(same.toArray(String[]::new));
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        assertThat(unchanged.out()).contains("perf-gate: PASS");
    }

    private static String platformFile(Path project, String extension) throws Exception {
        try (var files = Files.list(project.resolve("history"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("." + extension))
                    .findFirst().orElseThrow();
        }
    }
}
