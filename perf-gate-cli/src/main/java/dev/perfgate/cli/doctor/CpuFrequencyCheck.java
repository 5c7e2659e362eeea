package dev.perfgate.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The check {@code cpu-frequency}: the frequency governor of every CPU and whether turbo (boost)
 * is on, from Linux's {@code /sys/devices/system/cpu}. A governor other than {@code performance}
 * lets the clock follow the load, and turbo makes it depend on temperature and on how many cores
 * are busy: both move scores between runs. Virtual machines and containers rarely expose these
 * files; then the check says so and passes, since the host's settings decide there.
 */
public final class CpuFrequencyCheck {

    private final Path cpuDir;

    /** @param cpuDir Linux's {@code /sys/devices/system/cpu}, or a directory laid out like it */
    public CpuFrequencyCheck(Path cpuDir) {
        this.cpuDir = cpuDir;
    }

    /** Reads the settings; never fails on a missing or unreadable file. */
    public Finding run() {
        Map<String, Integer> governors = new TreeMap<>();
        try (DirectoryStream<Path> cpus = Files.newDirectoryStream(cpuDir, "cpu[0-9]*")) {
            for (Path cpu : cpus) {
                read(cpu.resolve("cpufreq").resolve("scaling_governor"))
                        .ifPresent(g -> governors.merge(g, 1, Integer::sum));
            }
        } catch (IOException | RuntimeException e) {
            // No such directory (not Linux) or not readable: nothing is known.
        }
        Optional<String> driver = read(cpuDir.resolve("cpu0").resolve("cpufreq").resolve("scaling_driver"));
        // intel_pstate says "no_turbo" (1 = off); acpi-cpufreq and amd-pstate say "boost" (1 = on).
        Optional<Boolean> turbo = read(cpuDir.resolve("intel_pstate").resolve("no_turbo")).map(v -> v.equals("0"))
                .or(() -> read(cpuDir.resolve("cpufreq").resolve("boost")).map(v -> v.equals("1")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("governors", governors);
        details.put("driver", driver.orElse(""));
        details.put("turbo", turbo.map(t -> (Object) t).orElse("unknown"));
        if (governors.isEmpty() && turbo.isEmpty()) {
            return new Finding("cpu-frequency", Status.SKIP, "not readable here (no cpufreq settings under " + cpuDir
                    + "; usual in virtual machines and containers, where the host's settings decide)", "", details);
        }
        List<String> found = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        governors.forEach((governor, count) -> found.add("governor " + governor + " on " + count
                + (count == 1 ? " CPU" : " CPUs")));
        if (governors.isEmpty()) {
            found.add("governor not readable");
        }
        driver.ifPresent(d -> found.add("driver " + d));
        turbo.ifPresent(t -> found.add("turbo " + (t ? "on" : "off")));
        boolean varying = governors.keySet().stream().anyMatch(g -> !g.equals("performance"));
        if (varying) {
            advice.add("set the performance governor for benchmark runs (sudo cpupower frequency-set -g performance)");
        }
        if (turbo.orElse(false)) {
            advice.add("turn turbo off for steadier numbers (intel_pstate: echo 1 | sudo tee " + cpuDir.resolve(
                    "intel_pstate").resolve("no_turbo") + "; otherwise echo 0 | sudo tee "
                    + cpuDir.resolve("cpufreq").resolve("boost") + ")");
        }
        return new Finding("cpu-frequency", advice.isEmpty() ? Status.OK : Status.WARN, String.join(", ", found),
                String.join("; ", advice), details);
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
