package dev.perfgate.core.platform;

import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Detects the platform key and the fingerprint of the machine perfgate runs on. Sources come in
 * through the constructor (system properties, environment, the Linux {@code /proc/cpuinfo} path),
 * so tests can describe any machine.
 *
 * <p>CPU model: {@code model name} of {@code /proc/cpuinfo} on Linux (or {@code Model name} /
 * {@code CPU part} lines on ARM), {@code sysctl -n machdep.cpu.brand_string} on macOS,
 * {@code PROCESSOR_IDENTIFIER} on Windows; empty when none says.
 */
public final class PlatformDetector {

    private final Properties system;
    private final Map<String, String> env;
    private final Path cpuInfo;
    private final int logicalCores;

    /**
     * @param system       system properties ({@code os.name}, {@code os.arch}, {@code os.version},
     *                     {@code java.vendor}, {@code java.version})
     * @param env          environment variables
     * @param cpuInfo      Linux's {@code /proc/cpuinfo}, or any file in its format
     * @param logicalCores processors available to the JVM
     */
    public PlatformDetector(Properties system, Map<String, String> env, Path cpuInfo, int logicalCores) {
        this.system = Objects.requireNonNull(system, "system");
        this.env = Objects.requireNonNull(env, "env");
        this.cpuInfo = Objects.requireNonNull(cpuInfo, "cpuInfo");
        this.logicalCores = logicalCores;
    }

    /** A detector for the running JVM and machine. */
    public static PlatformDetector ofThisMachine() {
        return new PlatformDetector(System.getProperties(), System.getenv(), Path.of("/proc/cpuinfo"),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The platform key of this machine.
     *
     * @throws IllegalArgumentException on an OS or architecture perfgate has no key for; the
     *                                  message suggests {@code --platform}
     */
    public PlatformKey platformKey() {
        try {
            return PlatformKey.fromSystem(system.getProperty("os.name", ""), system.getProperty("os.arch", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot detect the platform key (" + e.getMessage()
                    + "); pass --platform, e.g. --platform linux-x86_64", e);
        }
    }

    /**
     * The fingerprint of a run on this machine. JDK and JVM flags come from the JMH results when
     * known (they describe the JVM the benchmarks ran in, which may not be this one).
     *
     * @param settings how JMH ran the benchmarks; {@link RunSettings#UNKNOWN} when not known
     */
    public Fingerprint fingerprint(RunSettings settings) {
        String jdkVersion = settings.jdkVersion().isEmpty() ? system.getProperty("java.version", "")
                : settings.jdkVersion();
        // JMH's JSON names the JDK version but not its vendor: the vendor of this JVM is known to be
        // right only when the benchmarks ran on the same JDK version.
        boolean sameJdk = settings.jdkVersion().isEmpty()
                || settings.jdkVersion().equals(system.getProperty("java.version"));
        String vendor = sameJdk ? system.getProperty("java.vendor", "") : "";
        // perf-gate starts JMH with its own -Djava.io.tmpdir, which JMH's forks inherit: not a flag of the user's.
        List<String> flags = settings.jvmArgs().stream().filter(a -> !a.startsWith("-Djava.io.tmpdir=")).toList();
        return new Fingerprint(cpuModel(), logicalCores, vendor, jdkVersion, flags,
                system.getProperty("os.name", ""), system.getProperty("os.version", ""));
    }

    /** The CPU model name, or empty when it cannot be found. */
    public String cpuModel() {
        String os = system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return env.getOrDefault("PROCESSOR_IDENTIFIER", "").strip();
        }
        if (os.startsWith("mac")) {
            return sysctlBrand();
        }
        return linuxCpuModel();
    }

    private String linuxCpuModel() {
        List<String> lines;
        try {
            lines = Files.readAllLines(cpuInfo, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        for (String key : List.of("model name", "Model name", "Hardware", "CPU part")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    String value = line.substring(colon + 1).strip();
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        }
        return "";
    }

    private static String sysctlBrand() {
        try {
            Process p = new ProcessBuilder("sysctl", "-n", "machdep.cpu.brand_string").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
