package dev.perfgate.cli;

import dev.perfgate.core.fuzz.Mutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken inputs through the command line: a real JMH results file, a baseline and a history line,
 * each mutated by perf-core's {@link Mutations} with fixed seeds. Every run must end with exit code
 * 0 or 1 (the input was still valid) or 2 with a one-line message, never a stack trace or an
 * "unexpected error"; a baseline is never changed by a command that refused its input.
 * {@code perfgate.fuzz.cli} sets the number of seeds (the reliability profile raises it).
 */
class CliFuzzTest {

    private static final int SEEDS = Integer.getInteger("perfgate.fuzz.cli", 25);
    private static final String PLATFORM = "linux-x86_64";

    @TempDir
    Path dir;

    private Path baseline;

    private void approveBaseline() {
        Cli.Result approved = Cli.inProject(dir, PLATFORM, "approve", "--results",
                Cli.jmhFixture("gc-params-forks.json").toString(), "--reason", "fuzz", "--allow-noisy",
                "--allow-unsettled");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        baseline = dir.resolve("baselines").resolve(PLATFORM + ".json");
    }

    @Test
    void brokenResultsFilesAreRefusedInOneLine() throws Exception {
        approveBaseline();
        byte[] before = Files.readAllBytes(baseline);
        byte[] results = Files.readAllBytes(Cli.jmhFixture("gc-params-forks.json"));
        for (long seed = 1; seed <= SEEDS; seed++) {
            Path file = dir.resolve("results-" + seed + ".json");
            Files.write(file, Mutations.mutate(results, seed));

            expectValidOrOneLine(seed, Cli.inProject(dir, PLATFORM, "check", "--results", file.toString()));
            expectValidOrOneLine(seed, Cli.inProject(dir, PLATFORM, "approve", "--results", file.toString(),
                    "--reason", "fuzz", "--allow-noisy", "--allow-unsettled", "--dry-run"));
        }
        assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
        assertThat(refused).isPositive();
    }

    @Test
    void brokenBaselinesAreRefusedInOneLineAndLeftAsTheyAre() throws Exception {
        approveBaseline();
        byte[] good = Files.readAllBytes(baseline);
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        for (long seed = 1; seed <= SEEDS; seed++) {
            byte[] broken = Mutations.mutate(good, seed);
            Files.write(baseline, broken);

            expectValidOrOneLine(seed, Cli.inProject(dir, PLATFORM, "check", "--results", results));
            Cli.Result approve = Cli.inProject(dir, PLATFORM, "approve", "--results", results, "--reason", "fuzz",
                    "--allow-noisy", "--allow-unsettled");
            expectValidOrOneLine(seed, approve);
            if (approve.exitCode() == 2) {
                assertThat(Files.readAllBytes(baseline)).as("seed %d: a refused baseline is left as it was", seed)
                        .isEqualTo(broken);
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void brokenHistoryLinesAreRefusedInOneLine() throws Exception {
        Cli.Result recorded = Cli.inProject(dir, PLATFORM, "record", "--results",
                Cli.jmhFixture("gc-params-forks.json").toString());
        assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        Path history = dir.resolve("history").resolve(PLATFORM + ".jsonl");
        byte[] line = Files.readAllBytes(history);
        for (long seed = 1; seed <= SEEDS; seed++) {
            byte[] broken = Mutations.mutate(java.util.Arrays.copyOf(line, line.length - 1), seed);
            Files.write(history, concat(line, broken, new byte[] {'\n'}, line));

            expectValidOrOneLine(seed, Cli.inProject(dir, PLATFORM, "history"));
            expectValidOrOneLine(seed, Cli.inProject(dir, PLATFORM, "history", "verify"));
        }
        assertThat(refused).isPositive();
    }

    /** How many runs refused their input (exit 2), so a test can tell that it broke something. */
    private int refused;

    private void expectValidOrOneLine(long seed, Cli.Result result) {
        refused += result.exitCode() == 2 ? 1 : 0;
        assertThat(result.exitCode()).as("seed %d: %s", seed, result).isBetween(0, 2);
        assertThat(result.err()).as("seed %d", seed).doesNotContain("unexpected error", "Exception", "\tat ");
        if (result.exitCode() == 2) {
            assertThat(result.err().lines().filter(l -> l.startsWith("perf-gate: ") && !l.contains("warning")
                            && !l.startsWith("perf-gate: note: "))
                    .count()).as("seed %d: one error line: %s", seed, result.err()).isEqualTo(1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
