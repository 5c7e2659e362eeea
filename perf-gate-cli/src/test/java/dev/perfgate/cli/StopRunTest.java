package dev.perfgate.cli;

import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping perf-gate while JMH runs, as a CI cancel ({@code SIGTERM}) or Ctrl-C ({@code SIGINT})
 * does: a real perf-gate process runs six fixture benchmarks (one fork of one 200 ms iteration each),
 * is signalled once the first benchmark's result exists, and must leave the finished benchmarks in
 * {@code r.partial.json} and no JMH process behind.
 */
class StopRunTest {

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void stoppedRunKeepsTheFinishedBenchmarksAndEndsEveryJmhProcess(String signal, int exitCode, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("r.json");
        Path partial = dir.resolve("r.partial.json");
        Path err = dir.resolve("err.txt");
        Process perfGate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), PerfGate.class.getName(),
                "run", "--benchmarks", Cli.fixtureJar().toString(), "--include", "Alloc|Params|Spin",
                "--forks", "1", "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "200ms",
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.exists(partial) && perfGate.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(partial).as(Files.readString(err)).exists();
            List<ProcessHandle> started = perfGate.descendants().toList();
            assertThat(started).as("the JMH processes perf-gate started").isNotEmpty();

            new ProcessBuilder("kill", "-" + signal, Long.toString(perfGate.pid())).inheritIO().start().waitFor();

            assertThat(perfGate.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(perfGate.exitValue()).as(output).isEqualTo(exitCode);
            assertThat(output).contains("perf-gate: stopped; ended").contains("that finished in " + partial);
            assertThat(output).doesNotContain("Exception").doesNotContain("benchmark run failed");
            for (ProcessHandle p : started) {
                assertThat(p.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("process " + p.pid()).isFalse();
            }
            assertThat(out).doesNotExist();
            assertThat(out.resolveSibling(out.getFileName() + ".jmh")).as("JMH's own results file, empty until its end").doesNotExist();
            List<BenchmarkResult> kept = new JmhJsonReader().read(partial);
            assertThat(kept).isNotEmpty().hasSizeLessThan(6);
            assertThat(kept.get(0).id().name()).isEqualTo("dev.perfgate.fixtures.AllocBenchmark.allocate");
            assertThat(kept.get(0).primary().forks()).hasSize(1);
        } finally {
            perfGate.destroyForcibly();
            perfGate.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
