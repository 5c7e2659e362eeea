package dev.perfgate.cli.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CpuLoadCheckTest {

    private static final long SELF = 300;

    @TempDir
    Path proc;

    /** /proc/stat of 2 cores: {@code total} ticks in all (user only), {@code steal} of them stolen. */
    private void machine(long total, long steal) throws IOException {
        long user = total - steal;
        Files.writeString(proc.resolve("stat"), "cpu  " + user + " 0 0 0 0 0 0 " + steal + " 0 0\n"
                + "cpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\nintr 1 2 3\nctxt 99\n");
        Files.writeString(proc.resolve("loadavg"), "1.50 1.20 0.90 2/93 4349\n");
    }

    private void process(long pid, String comm, String cmdline, long utime, long stime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("cmdline"), cmdline);
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") R 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 1 0 100 0 0\n");
    }

    /** Samples a fake /proc whose counters move by the given ticks during the interval (100 ticks per core). */
    private Finding sample(long steal, Map<Long, Long> ticksDuring) throws Exception {
        machine(1000, 0);
        process(100, "hog (x)", "hog\0", 50, 50);
        process(200, "java", "/usr/bin/java\0-Xmx1g\0-cp\0a.jar\0org.example.Build\0", 10, 0);
        process(SELF, "java", "java\0", 0, 0);
        CpuLoadCheck.Pause pause = interval -> {
            try {
                machine(1200, steal);
                for (Map.Entry<Long, Long> e : ticksDuring.entrySet()) {
                    long pid = e.getKey();
                    process(pid, pid == 100 ? "hog (x)" : "java", pid == 200
                            ? "/usr/bin/java\0-Xmx1g\0-cp\0a.jar\0org.example.Build\0" : "java\0",
                            (pid == 100 ? 50 : pid == 200 ? 10 : 0) + e.getValue(), pid == 100 ? 50 : 0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return new CpuLoadCheck(proc, Duration.ofSeconds(1), SELF, pause).run();
    }

    @Test
    void anIdleMachinePassesAndThisProcessDoesNotCount() throws Exception {
        Finding f = sample(0, Map.of(SELF, 180L, 100L, 2L));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).startsWith("other processes used 0.02 of 2 cores over 1.0 s (load average 1.50)");
    }

    @Test
    void aProcessUsingMostOfACoreWarnsAndIsNamed() throws Exception {
        Finding f = sample(0, Map.of(100L, 60L, 200L, 20L));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).isEqualTo("other processes used 0.80 of 2 cores over 1.0 s (load average 1.50): "
                + "hog (x) (pid 100) 60%, java org.example.Build (pid 200) 20%");
        assertThat(f.advice()).contains("idle machine");
    }

    @Test
    void halfTheMachineBusyFails() throws Exception {
        Finding f = sample(0, Map.of(100L, 100L, 200L, 60L));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.details()).containsEntry("other_processes_cores", 1.6);
    }

    @Test
    void stolenTimeWarns() throws Exception {
        Finding f = sample(30, Map.of());

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).endsWith("the hypervisor took 15% of the time");
    }

    @Test
    void withoutProcItSaysWhatWasNotChecked() throws Exception {
        Finding f = new CpuLoadCheck(proc.resolve("none"), Duration.ofSeconds(1), SELF, d -> { }).run();

        assertThat(f.status()).isEqualTo(Status.SKIP);
        assertThat(f.message()).startsWith("other processes' CPU use not checked");
    }

    @Test
    void aJavaCommandLineNamesItsMainClassOrJar() {
        assertThat(CpuLoadCheck.javaMain(List.of("java", "-Xmx1g", "-cp", "x.jar", "org.Main", "arg")))
                .contains("org.Main");
        assertThat(CpuLoadCheck.javaMain(List.of("java", "-jar", "/tmp/target/perf-gate.jar", "check")))
                .contains("perf-gate.jar");
        assertThat(CpuLoadCheck.javaMain(List.of("java", "-version"))).isEqualTo(Optional.empty());
    }
}
