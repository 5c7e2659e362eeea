package dev.perfgate.cli;

import dev.perfgate.cli.doctor.CpuFrequencyCheck;
import dev.perfgate.cli.doctor.CpuLoadCheck;
import dev.perfgate.cli.doctor.DoctorReport;
import dev.perfgate.cli.doctor.Finding;
import dev.perfgate.cli.doctor.HostCheck;
import dev.perfgate.cli.doctor.JarCheck;
import dev.perfgate.cli.doctor.JvmCheck;
import dev.perfgate.cli.doctor.MemoryCheck;
import dev.perfgate.cli.doctor.NoiseCheck;
import dev.perfgate.cli.doctor.Status;
import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostDetector;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.platform.Vcs;
import dev.perfgate.core.stats.GatePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code perf-gate doctor}: the checks to run when a result looks odd, one line each with a verdict
 * and what to do: the benchmark JVM and its flags, this host's class and its baseline set, CPU
 * frequency scaling, other processes' CPU use, the noise of a short probe, free memory, and whether
 * the benchmarks jar was built from the current code. Takes a few seconds: 1 s of sampling, the
 * 2-second host probe, and one short JVM for the flags and per noise run.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks what distorts benchmark results on this machine: the benchmark JVM and its flags, "
                + "the host class and whether the baseline has a set of it, CPU frequency scaling, other processes' "
                + "CPU use, the noise of a short probe, free memory, and whether the benchmarks jar is older than "
                + "its sources. One line per check: OK, WARN, FAIL, or SKIP (not checkable here)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no check failed (warnings and skipped checks included)",
            "1:at least one check failed: results measured now would not mean what they seem to",
            "2:bad usage or bad input (the message names the file and the place)"})
final class DoctorCommand extends CommandSupport implements Callable<Integer> {

    /** How long other processes' CPU use is sampled. */
    static final Duration SAMPLE = Duration.ofSeconds(1);

    /** Where Linux shows processes, memory and CPU frequency; the checks pass over what is missing. */
    private static final Path PROC = Path.of("/proc");
    private static final Path CPU_DIR = Path.of("/sys/devices/system/cpu");

    @Option(names = "--benchmarks", paramLabel = "JAR",
            description = "The JMH benchmarks jar to check (default: the bundled kernel benchmarks).")
    Path benchmarksJar;

    @Option(names = "--jvm-arg", paramLabel = "ARG",
            description = "An argument the benchmark JVMs will get (repeatable), as for run, e.g. --jvm-arg=-Xmx1g.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per check) or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--probe-runs", paramLabel = "N", defaultValue = "5",
            description = "JVMs the noise probe runs in, 2 to 50 (default: ${DEFAULT-VALUE}; a short JVM each).")
    int probeRuns;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json but was '" + format + "'");
        }
        if (probeRuns < 2 || probeRuns > 50) {
            throw new UsageException("--probe-runs must be between 2 and 50 but was " + probeRuns);
        }
        Path jar = benchmarksJar != null ? benchmarksJar : bundledBenchmarks();
        if (benchmarksJar != null && !Files.isRegularFile(benchmarksJar)) {
            throw new InputException(benchmarksJar.toString(), null, Files.isDirectory(benchmarksJar)
                    ? "is a directory, expected a JMH benchmarks jar" : "no such file (expected a JMH benchmarks jar)");
        }
        PlatformKey platform = platform();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        err().println("perf-gate: doctor: sampling CPU use for " + SAMPLE.toSeconds() + " s, then measuring the host "
                + "and the noise of " + probeRuns + " probe JVMs");
        err().flush();

        Finding load = new CpuLoadCheck(PROC, SAMPLE, ProcessHandle.current().pid(), d -> Thread.sleep(d.toMillis())).run();
        Finding frequency = new CpuFrequencyCheck(CPU_DIR).run();
        List<Finding> jvm = new ArrayList<>();
        long maxHeap = 0;
        try {
            JvmCheck.JvmSettings settings = JvmCheck.ask(java, jvmArgs);
            jvm.add(JvmCheck.java(java, settings));
            jvm.add(JvmCheck.flags(settings, jvmArgs, System.getenv()));
            maxHeap = settings.maxHeapBytes();
        } catch (IOException e) {
            jvm.add(JvmCheck.notStarting(java, e));
        }
        Finding memory = new MemoryCheck(PROC.resolve("meminfo")).run(maxHeap);
        Finding host = host(platform);
        Finding noise = noise(java, platform);
        Finding benchmarks = new JarCheck("git", Vcs.GIT_TIMEOUT).run(jar, benchmarksJar == null);

        List<Finding> findings = new ArrayList<>(jvm);
        findings.addAll(List.of(host, frequency, load, noise, memory, benchmarks));
        DoctorReport report = new DoctorReport(findings);
        out().print(format.equals("json") ? report.json() : report.text());
        out().flush();
        return report.verdict() == Status.FAIL ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    private Finding host(PlatformKey platform) {
        HostFile.Entry here = Hosts.beforeRun(Path.of("doctor"), jvmArgs, platform, err());
        BaselineStore store = new BaselineStore(project.projectDir);
        try {
            return HostCheck.of(here, "baselines/" + platform + ".json", store.read(platform));
        } catch (InputException e) {
            return HostCheck.unreadable(here, e);
        }
    }

    private Finding noise(String java, PlatformKey platform) {
        HostDetector detector = new HostDetector(platform, PROC.resolve("cpuinfo"), w -> { });
        List<HostSpeed> runs = new ArrayList<>();
        for (int i = 0; i < probeRuns; i++) {
            try {
                runs.add(detector.probe(java, jvmArgs, List.of(NoiseCheck.PROBE)));
            } catch (IOException e) {
                return NoiseCheck.notRunning(e);
            }
        }
        return NoiseCheck.of(runs, Profile.STANDARD.forks, GatePolicy.DEFAULT);
    }

    /** Where the bundled kernel benchmarks load from: perf-gate's jar, or the kernels' classes in a build tree. */
    private static Path bundledBenchmarks() throws URISyntaxException {
        return Path.of(dev.perfgate.kernels.CosineSimilarityBenchmark.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
    }
}
