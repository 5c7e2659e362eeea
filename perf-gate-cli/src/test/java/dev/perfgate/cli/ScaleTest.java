package dev.perfgate.cli;

import dev.perfgate.core.scale.ScaleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * perf-gate within a 256 MB heap, in a JVM of its own started with {@code -Xmx256m}: a results file of
 * many benchmarks approved and checked, and one benchmark's trend read from a long history. The
 * normal suite uses small sizes; the {@code reliability} profile sets {@code perfgate.scale.benchmarks}
 * to 20,000 and {@code perfgate.scale.lines} to 1,000,000. Timings are printed, not asserted; the
 * figures measured are in docs/reliability.md.
 */
class ScaleTest {

    private static final int BENCHMARKS = Integer.getInteger("perfgate.scale.benchmarks", 2_000);
    private static final int LINES = Integer.getInteger("perfgate.scale.lines", 20_000);

    @TempDir
    Path dir;

    @Test
    void manyBenchmarksAreApprovedAndCheckedIn256Megabytes() throws Exception {
        Path results = dir.resolve("results.json");
        ScaleFiles.results(results, BENCHMARKS);

        String approve = perfGate("approve", "--results", results.toString(), "--reason", "scale", "--allow-noisy",
                "--allow-unsettled");
        String check = perfGate("check", "--results", results.toString());

        assertThat(approve).contains("approved " + BENCHMARKS);
        assertThat(check).contains("PASS", BENCHMARKS + " benchmarks");
    }

    @Test
    void oneBenchmarksTrendIsReadFromALongHistoryIn256Megabytes() throws Exception {
        ScaleFiles.history(dir.resolve("history").resolve("linux-x86_64.jsonl"), LINES);

        String trend = perfGate("history", "--benchmark", "MemoryDecay", "--last", "10000");

        assertThat(trend).contains("MemoryDecayBenchmark.decay", Math.min(LINES, 10_000) + " runs")
                .doesNotContain("CosineSimilarity");
    }

    /** Runs perf-gate with -Xmx256m in this project and returns its output; fails unless it exits 0. */
    private String perfGate(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), PerfGate.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--project-dir", dir.toString(), "--platform", "linux-x86_64"));
        Path output = dir.resolve("output.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text.length() > 2000 ? text.substring(text.length() - 2000) : text)
                .isZero();
        System.out.printf("ScaleTest: perf-gate %s (%d benchmarks, %d history lines) took %.1f s with -Xmx256m%n",
                args[0], BENCHMARKS, LINES, (System.nanoTime() - start) / 1e9);
        return text;
    }
}
