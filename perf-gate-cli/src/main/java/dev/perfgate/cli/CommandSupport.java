package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.platform.PlatformDetector;
import dev.perfgate.core.platform.Vcs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What every command shares: output writers, the project directory, platform and fingerprint, results. */
abstract class CommandSupport {


    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    final Clock clock = Clock.tickSeconds(ZoneOffset.UTC);
    final PlatformDetector detector = PlatformDetector.ofThisMachine();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Warns that options of a benchmark run have no effect because the results come from a file.
     */
    void warnIgnoredRunOptions() {
        List<String> ignored = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName())
                .filter(RUN_ONLY_OPTIONS::contains)
                .toList();
        if (!ignored.isEmpty()) {
            err().println("perf-gate: warning: " + String.join(", ", ignored)
                    + " only affect a benchmark run and are ignored with --results");
        }
    }

    private static final java.util.Set<String> RUN_ONLY_OPTIONS = java.util.Set.of("--benchmarks", "--include",
            "--profile", "--forks", "--warmup-iterations", "--iterations", "--iteration-time", "--timeout", "--jvm-arg", "--out");

    /** Tells the user where a torn history line was moved, if an append found one. */
    void reportTorn(java.util.Optional<Path> movedTo) {
        movedTo.ifPresent(p -> err().println("perf-gate: the history's last line was torn (an interrupted write); "
                + "moved it to " + p + " and repaired the file"));
    }

    PlatformKey platform() throws UsageException {
        return project.platformKey(detector);
    }

    /** A duration like 90s, 10m or 1h, given as {@code option}. */
    static Duration duration(String option, String text) throws UsageException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(s|m|h)").matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(option + " must be a positive whole number of s, m or h, like 90s or 10m, "
                    + "but was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Results from a JMH JSON file. */
    static List<BenchmarkResult> read(Path file) throws InputException {
        return new JmhJsonReader().read(file);
    }

    /**
     * Runs the benchmarks as {@code run} would, writes the host file beside the results, and returns
     * where the results are.
     */
    Path runBenchmarks(RunOptions options) throws InputException, UsageException, RunFailedException, IOException {
        return runBenchmarks(options, new JmhRunner(err()).methods(options));
    }

    /**
     * Runs these benchmark methods as {@code run} would: by their run plans or a fixed profile
     * ({@link PlannedRuns}, which says which and why on standard error; the options then carry the
     * plans used), writes the host file beside the results, and returns where the results are.
     */
    Path runBenchmarks(RunOptions options, List<String> methods)
            throws InputException, UsageException, RunFailedException, IOException {
        return runBenchmarks(options, methods, PlannedRuns.planSet(options, project.projectDir, platform(), err()));
    }

    /** {@link #runBenchmarks(RunOptions, List)} with the entry set of plans already looked up ({@link PlannedRuns#planSet}). */
    Path runBenchmarks(RunOptions options, List<String> methods, Optional<Baseline> planSet)
            throws InputException, UsageException, RunFailedException, IOException {
        PlatformKey platform = platform();
        refuseBundledAgainstOtherBaseline(options, methods, platform);
        PlannedRuns.Selection selection = PlannedRuns.select(options, methods, planSet,
                "baselines/" + platform + ".json");
        PlannedRuns.announce(selection, err());
        options.plans = selection.plans();
        PlannedRuns.execute(new JmhRunner(err()), selection, options.out);
        Hosts.record(options.out, read(options.out), platform, err());
        return options.out;
    }

    /**
     * Refuses, before anything runs, to run the bundled kernels (no {@code --benchmarks}) in a
     * project whose baseline holds only benchmarks of other packages: a project's own benchmarks,
     * whose jar was forgotten. Minutes of kernel runs would end in every baseline benchmark "not
     * run".
     */
    private void refuseBundledAgainstOtherBaseline(RunOptions options, List<String> methods, PlatformKey platform)
            throws InputException, UsageException, IOException {
        if (options.benchmarksJar != null || methods.isEmpty()) {
            return;
        }
        Optional<Baseline> baseline = new BaselineStore(project.projectDir).read(platform).flatMap(BaselineFile::latest);
        if (baseline.isEmpty() || baseline.get().entries().isEmpty()) {
            return;
        }
        Set<String> packages = methods.stream().map(CommandSupport::packageOf).collect(Collectors.toSet());
        List<String> names = baseline.get().entries().stream().map(e -> e.id().name()).distinct().toList();
        if (names.stream().noneMatch(n -> packages.contains(packageOf(n)))) {
            throw new UsageException("no --benchmarks JAR given, so the bundled kernel benchmarks would run, but "
                    + "baselines/" + platform + ".json holds none of them (it holds " + names.get(0)
                    + (names.size() > 1 ? " and " + (names.size() - 1) + " more" : "")
                    + "): pass --benchmarks with the jar those are built into, e.g. --benchmarks target/benchmarks.jar");
        }
    }

    /** The package of a benchmark method's name ({@code pkg.Class.method}), or "" when it has none. */
    private static String packageOf(String method) {
        int methodDot = method.lastIndexOf('.');
        int classDot = methodDot < 0 ? -1 : method.lastIndexOf('.', methodDot - 1);
        return classDot < 0 ? "" : method.substring(0, classDot);
    }

    /** The fingerprint of results measured on this machine. */
    Fingerprint fingerprint(List<BenchmarkResult> results) {
        return detector.fingerprint(settings(results));
    }

    /** The settings of the first result (JMH runs all benchmarks of a file in the same JVM setup). */
    static RunSettings settings(List<BenchmarkResult> results) {
        return results.isEmpty() ? RunSettings.UNKNOWN : results.get(0).settings();
    }

    /**
     * A run of the results in {@code file}, with the host that measured them (its host file, or this
     * machine). Results merged from shards of different host classes get no host class.
     */
    Run newRun(Path file, List<BenchmarkResult> results, PlatformKey platform, VcsOptions given)
            throws InputException {
        Vcs vcs = given.commit != null && given.branch != null ? new Vcs(given.commit, given.branch)
                : Vcs.of(project.projectDir);
        List<HostFile.Entry> hosts = Hosts.of(file, results, platform, err());
        boolean oneClass = hosts.stream().map(h -> h.host().hostClass()).distinct().count() == 1;
        if (!oneClass) {
            err().println("perf-gate: warning: " + file + " was measured on hosts of different classes: "
                    + "the run is recorded without a host class");
        }
        return Run.measured(clock.instant(), given.commit != null ? given.commit : vcs.commit(),
                given.branch != null ? given.branch : vcs.branch(), platform, hosts.get(0).fingerprint(),
                oneClass ? hosts.get(0).host() : null, results);
    }
}
