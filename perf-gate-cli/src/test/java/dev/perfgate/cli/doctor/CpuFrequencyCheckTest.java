package dev.perfgate.cli.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CpuFrequencyCheckTest {

    @TempDir
    Path cpu;

    private void governor(int index, String governor) throws IOException {
        Path dir = Files.createDirectories(cpu.resolve("cpu" + index).resolve("cpufreq"));
        Files.writeString(dir.resolve("scaling_governor"), governor + "\n");
        Files.writeString(dir.resolve("scaling_driver"), "intel_pstate\n");
    }

    private void noTurbo(String value) throws IOException {
        Files.writeString(Files.createDirectories(cpu.resolve("intel_pstate")).resolve("no_turbo"), value + "\n");
    }

    @Test
    void powersaveAndTurboWarnWithWhatToDo() throws IOException {
        for (int i = 0; i < 4; i++) {
            governor(i, "powersave");
        }
        noTurbo("0");

        Finding f = new CpuFrequencyCheck(cpu).run();

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).isEqualTo("governor powersave on 4 CPUs, driver intel_pstate, turbo on");
        assertThat(f.advice()).contains("cpupower frequency-set -g performance", "no_turbo");
    }

    @Test
    void performanceWithoutTurboPasses() throws IOException {
        governor(0, "performance");
        governor(1, "performance");
        noTurbo("1");

        Finding f = new CpuFrequencyCheck(cpu).run();

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("governor performance on 2 CPUs, driver intel_pstate, turbo off");
    }

    @Test
    void boostOfOtherDriversCounts() throws IOException {
        governor(0, "performance");
        Files.writeString(Files.createDirectories(cpu.resolve("cpufreq")).resolve("boost"), "1\n");

        assertThat(new CpuFrequencyCheck(cpu).run().message()).endsWith("turbo on");
    }

    @Test
    void missingFilesAreNotReadableHereNotAFailure() throws IOException {
        Files.createDirectories(cpu.resolve("cpu0").resolve("topology"));

        assertThat(new CpuFrequencyCheck(cpu).run().status()).isEqualTo(Status.SKIP);
        assertThat(new CpuFrequencyCheck(cpu.resolve("no-such-dir")).run().message()).startsWith("not readable here");
    }
}
