package dev.perfgate.core.platform;

import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a host's {@link HostIdentity} the way the benchmarks will see it: it starts the
 * benchmark JVM (the same {@code java} and the flags that shape code and memory) once with
 * {@code -Xlog:os+cpu -XX:+PrintFlagsFinal} and the {@link SpeedProbe} as its main class, so the
 * instruction-set features, vector width, heap and GC are the benchmark JVM's own, after its flags
 * ({@code -XX:UseAVX=2} on an AVX-512 host yields an AVX2 class). Takes about two seconds.
 *
 * <p>A JVM that cannot be asked (not HotSpot, or it fails) still gets an identity: the features come
 * from {@code /proc/cpuinfo}, the vector width is unknown, and the warning says so.
 */
public final class HostDetector {

    private static final Pattern CPU_LINE = Pattern.compile("\\[os,cpu\\] CPU: total \\d+.*?\\)(?: \\(.*?\\))?(.*)$");
    private static final Pattern FLAG_LINE = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)\\s+\\{.*$");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PlatformKey platform;
    private final Path cpuInfo;
    private final Consumer<String> warnings;

    /**
     * @param platform the platform key of this machine
     * @param cpuInfo  Linux's {@code /proc/cpuinfo}: the fallback source of features
     * @param warnings where to say that the JVM could not be asked and what was used instead
     */
    public HostDetector(PlatformKey platform, Path cpuInfo, Consumer<String> warnings) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.cpuInfo = Objects.requireNonNull(cpuInfo, "cpuInfo");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * The identity of this host for a benchmark JVM.
     *
     * @param java    the benchmark JVM's {@code java} executable; empty or missing means this JVM's
     * @param jvmArgs the benchmark JVM's arguments; those that shape code and memory ({@link #relevantArgs}) are used
     */
    public HostIdentity detect(String java, List<String> jvmArgs) {
        List<String> command = probeCommand(java, jvmArgs, List.of("-Xlog:os+cpu=info", "-XX:+PrintFlagsFinal"));
        List<String> output;
        try {
            output = run(command);
        } catch (IOException e) {
            warnings.accept("could not measure the host with " + command.get(0) + " (" + e.getMessage()
                    + "): instruction-set features from the OS, vector width unknown, no speed probe");
            return fallback();
        }
        return parse(output);
    }

    /**
     * Runs only the named probes of the {@link SpeedProbe} in a new benchmark JVM, as {@link #detect}
     * does with all of them: a fresh JVM per call, so that repeated calls vary as forks do.
     *
     * @param probes probe names ({@link HostSpeed}), e.g. {@code scalar_chain}
     * @throws IOException when the JVM cannot start, fails, takes over a minute or prints no result
     */
    public HostSpeed probe(String java, List<String> jvmArgs, List<String> probes) throws IOException {
        List<String> command = probeCommand(java, jvmArgs, List.of());
        command.addAll(probes);
        for (String line : run(command)) {
            if (line.startsWith(SpeedProbe.PREFIX + " ")) {
                return parseSpeed(line);
            }
        }
        throw new IOException("the speed probe printed no result");
    }

    /** The command that runs the {@link SpeedProbe} in the benchmark JVM, with extra JVM options. */
    private static List<String> probeCommand(String java, List<String> jvmArgs, List<String> options) {
        String executable = java == null || java.isBlank() || !Files.isExecutable(Path.of(java))
                ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java;
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(relevantArgs(jvmArgs));
        // -Xbatch: the probe's loops are measured once compiled, not while a busy machine still compiles them.
        command.add("-Xbatch");
        command.addAll(options);
        command.addAll(List.of("-cp", probeClasspath(), SpeedProbe.class.getName()));
        return command;
    }

    /** The arguments that change what the JIT generates or how memory is laid out and managed. */
    public static List<String> relevantArgs(List<String> jvmArgs) {
        return jvmArgs.stream()
                .filter(a -> (a.startsWith("-XX:") && !a.startsWith("-XX:StartFlightRecording")
                        && !a.startsWith("-XX:FlightRecorderOptions") && !a.startsWith("-XX:+PrintFlagsFinal"))
                        || a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss"))
                .toList();
    }

    /** Reads what the probe JVM printed. */
    HostIdentity parse(List<String> lines) {
        List<String> features = new ArrayList<>();
        Map<String, String> flags = new HashMap<>();
        HostSpeed speed = null;
        int cores = 0;
        String version = "";
        for (String line : lines) {
            Matcher cpu = CPU_LINE.matcher(line);
            Matcher flag = FLAG_LINE.matcher(line);
            if (cpu.find()) {
                Arrays.stream(cpu.group(1).split(",")).map(String::strip).forEach(features::add);
            } else if (line.startsWith(SpeedProbe.PREFIX + " ")) {
                speed = parseSpeed(line);
            } else if (line.startsWith(SpeedProbe.JVM_PREFIX + " ")) {
                Map<String, String> values = keyValues(line);
                cores = parseCount(values.get("cores"));
                version = values.getOrDefault("version", "");
            } else if (flag.matches() && HostIdentity.FLAGS.contains(flag.group(1))) {
                flags.put(flag.group(1), flag.group(2));
            }
        }
        if (features.isEmpty()) {
            warnings.accept("the benchmark JVM did not report its CPU features: taking them from the OS");
            features = osFeatures();
        }
        int vectorBits = parseCount(flags.get("MaxVectorSize")) * 8;
        HostClass hostClass = new HostClass(platform, HostClass.classFeatures(platform.arch(), features), vectorBits,
                cores, jdkMajor(version));
        return new HostIdentity(hostClass, version, flags, caches(), speed);
    }

    private HostIdentity fallback() {
        HostClass hostClass = new HostClass(platform, HostClass.classFeatures(platform.arch(), osFeatures()), 0,
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        return new HostIdentity(hostClass, "", Map.of(), caches(), null);
    }

    static HostSpeed parseSpeed(String line) {
        Map<String, HostSpeed.Probe> probes = new LinkedHashMap<>();
        keyValues(line).forEach((name, value) -> {
            String[] parts = value.split(",");
            try {
                probes.put(name, new HostSpeed.Probe(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (RuntimeException e) {
                // A probe that printed no number is left out; the others still describe the host.
            }
        });
        return new HostSpeed(probes);
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : line.strip().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                out.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }

    private static int parseCount(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** 17 of {@code 17.0.15+6-Debian-1deb12u1}; 0 when unknown. */
    static int jdkMajor(String version) {
        Matcher m = Pattern.compile("^(?:1\\.)?(\\d{1,4})").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The {@code flags} (x86) or {@code Features} (ARM) of {@code /proc/cpuinfo}; empty elsewhere. */
    List<String> osFeatures() {
        try {
            for (String line : Files.readAllLines(cpuInfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                String key = colon > 0 ? line.substring(0, colon).strip() : "";
                if (key.equals("flags") || key.equals("Features")) {
                    return Arrays.asList(line.substring(colon + 1).strip().split("\\s+"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc/cpuinfo (macOS, Windows): the features stay unknown.
        }
        return List.of();
    }

    /** Data cache sizes from Linux's {@code getconf} or macOS's {@code sysctl}, e.g. {@code L1d 48 KiB, L2 1 MiB, L3 32 MiB}. */
    private static String caches() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.startsWith("mac") ? List.of("sysctl", "hw.l1dcachesize", "hw.l2cachesize",
                "hw.l3cachesize") : os.startsWith("linux") ? List.of("getconf", "-a") : List.of();
        if (command.isEmpty()) {
            return "";
        }
        Map<String, String> keys = Map.of("LEVEL1_DCACHE_SIZE", "L1d", "LEVEL2_CACHE_SIZE", "L2",
                "LEVEL3_CACHE_SIZE", "L3", "hw.l1dcachesize:", "L1d", "hw.l2cachesize:", "L2", "hw.l3cachesize:", "L3");
        Map<String, String> sizes = new java.util.TreeMap<>();
        try {
            for (String line : run(command)) {
                String[] words = line.strip().split("\\s+");
                if (words.length == 2 && keys.containsKey(words[0]) && words[1].matches("\\d{1,15}")
                        && Long.parseLong(words[1]) > 0) {
                    sizes.put(keys.get(words[0]), binary(Long.parseLong(words[1])));
                }
            }
        } catch (IOException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        sizes.forEach((level, size) -> parts.add(level + " " + size));
        return String.join(", ", parts);
    }

    private static String binary(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    private static String probeClasspath() {
        try {
            return Path.of(SpeedProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    /**
     * Runs a command (a JVM, a system tool) and returns its output and error lines, bounded by a
     * minute, after which it is killed.
     *
     * @throws IOException when it cannot start, takes too long, or exits with a code other than 0; the
     *                     message gives the code and the last three lines (a JVM names a bad option
     *                     three lines from the end)
     */
    public static List<String> run(List<String> command) throws IOException {
        // Output goes to a file, so that a JVM that hangs cannot block the read past the timeout.
        Path output = Files.createTempFile("perf-gate-host", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("no answer within " + TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("exit code " + process.exitValue() + ": "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
            }
            return lines;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
