package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.platform.HostDetector;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.platform.PlatformDetector;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where results were measured: the host file that {@code run} writes beside its results, or, for
 * results without one, this machine measured now.
 */
final class Hosts {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    /**
     * This machine's identity per benchmark JVM (executable, relevant flags, platform), measured once
     * per process: the host does not change while perf-gate runs, and each measurement costs about
     * two seconds.
     */
    private static final Map<List<String>, HostIdentity> MEASURED = new ConcurrentHashMap<>();

    private Hosts() {
    }

    /** Measures this machine for results just run here and writes the host file beside them. */
    static void record(Path resultsFile, List<BenchmarkResult> results, PlatformKey platform, PrintWriter progress)
            throws IOException {
        progress.println("perf-gate: measuring the host (instruction set and vector width of the benchmark JVM, "
                + "speed probe)");
        progress.flush();
        HostFile.Entry here = measureHere(resultsFile, results, platform, progress);
        HostFile.write(resultsFile, List.of(here));
        progress.println("perf-gate: host: " + here.host().hostClass().label() + "; written to "
                + HostFile.pathFor(resultsFile));
        progress.flush();
    }

    /**
     * The hosts that measured a results file: its host file, or this machine now (saying so).
     *
     * @param platform the platform the results are compared on
     */
    static List<HostFile.Entry> of(Path resultsFile, List<BenchmarkResult> results, PlatformKey platform,
                                   PrintWriter progress) throws InputException {
        var recorded = HostFile.read(resultsFile, platform);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        progress.println("perf-gate: note: " + resultsFile + " has no host file beside it (" + HostFile.pathFor(resultsFile)
                + ", written by perf-gate run): taking them as measured on this machine");
        progress.flush();
        return List.of(measureHere(resultsFile, results, platform, progress));
    }

    /** This machine's identity for a benchmark JVM like the one that ran {@code results}. */
    static HostFile.Entry measureHere(Path resultsFile, List<BenchmarkResult> results, PlatformKey platform,
                                      PrintWriter progress) {
        return measureHere(resultsFile, CommandSupport.settings(results), platform, progress);
    }

    /**
     * This machine's identity for the benchmark JVMs a run with these options will start (the JVM
     * perf-gate runs on, with the options' JVM arguments), before running them: the same
     * measurement that the run's host file then reuses.
     */
    static HostIdentity beforeRun(RunOptions options, PlatformKey platform, PrintWriter progress) {
        return beforeRun(options.out, options.jvmArgs, platform, progress).host();
    }

    /**
     * {@link #beforeRun(RunOptions, PlatformKey, PrintWriter)} for benchmark JVMs with these
     * arguments, as a host file entry for {@code resultsFile}.
     */
    static HostFile.Entry beforeRun(Path resultsFile, List<String> jvmArgs, PlatformKey platform, PrintWriter progress) {
        RunSettings settings = new RunSettings("", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "", "", "", jvmArgs, 1, 0, 0, 0);
        return measureHere(resultsFile, settings, platform, progress);
    }

    private static HostFile.Entry measureHere(Path resultsFile, RunSettings settings, PlatformKey platform,
                                              PrintWriter progress) {
        List<String> key = new ArrayList<>(HostDetector.relevantArgs(settings.jvmArgs()));
        key.add(settings.jvm());
        key.add(platform.toString());
        HostIdentity host = MEASURED.computeIfAbsent(key, k -> new HostDetector(platform, CPU_INFO, w -> {
            progress.println("perf-gate: warning: " + w);
            progress.flush();
        }).detect(settings.jvm(), settings.jvmArgs()));
        return new HostFile.Entry(resultsFile.getFileName().toString(),
                PlatformDetector.ofThisMachine().fingerprint(settings), host);
    }
}
