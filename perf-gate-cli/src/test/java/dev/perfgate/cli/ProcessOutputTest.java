package dev.perfgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * perf-gate as a real process: what a command prints reaches standard output before the JVM
 * exits (in-process tests capture writers and cannot see a missing flush).
 */
class ProcessOutputTest {

    private static Result perfGate(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), PerfGate.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    private record Result(int exitCode, String out) {
    }

    @Test
    void historyAndCompareOutputReachesStandardOutput(@TempDir Path dir) throws Exception {
        String results = Cli.jmhFixture("gc-params-forks.json").toString();
        assertThat(perfGate("record", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--results", results, "--commit", "c1", "--branch", "main").exitCode()).isZero();

        Result history = perfGate("history", "--project-dir", dir.toString(), "--platform", "linux-x86_64",
                "--format", "json");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("\"commit\" : \"c1\"").endsWith("}\n");

        Result compare = perfGate("compare", results, results);
        assertThat(compare.exitCode()).isZero();
        assertThat(compare.out()).contains("perf-gate: PASS");

        Result version = perfGate("run", "--version");
        assertThat(version.out()).startsWith("perf-gate ");
    }
}
