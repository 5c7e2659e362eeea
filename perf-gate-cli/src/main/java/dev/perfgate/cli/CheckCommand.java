package dev.perfgate.cli;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineChoice;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.report.ConsoleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code perf-gate check}: the CI gate. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "The CI gate: compares results (--results, or a fresh run) with baselines/<platform>.json, "
                + "prints a table and fails (exit 1) when a benchmark is worse than the threshold and the "
                + "difference is significant.")
final class CheckCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "FILE",
            description = "A JMH JSON results file; without it the benchmarks are run first. Repeatable: the forks "
                    + "of all files are pooled per benchmark, as one run (a run and its --confirm rerun).")
    List<Path> results = new ArrayList<>();

    @Mixin
    ConfirmOptions confirmation;

    @Mixin
    RunOptions run;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Duration budget = confirmation.budget(Duration.ofMinutes(10));
        PlatformKey platform = platform();
        Gate comparison = new Gate(gate.policy());
        List<BenchmarkResult> given = null;
        if (!results.isEmpty()) {
            List<List<BenchmarkResult>> files = new ArrayList<>();
            for (Path file : results) {
                files.add(read(file));
            }
            given = files.size() == 1 ? files.get(0) : ForkPool.pool(files);
        }
        List<Path> partial = results.stream().filter(PartialResults::isPartial).toList();
        partial.forEach(p -> err().println("perf-gate: " + p + " is a partial result (a stopped or failed run): "
                + "it holds only the benchmarks that finished; the baseline's others are reported as not run, "
                + "and the check does not pass"));
        if (given != null && !confirmation.confirm) {
            warnIgnoredRunOptions();
        }
        confirmation.warnIfIgnored(err());
        BaselineStore store = new BaselineStore(project.projectDir);
        Optional<BaselineFile> baselines = store.read(platform);
        // Without a baseline there is nothing to check; a report asked for (CI's comment) is still
        // written, from a run, every benchmark new, saying how to record a baseline.
        if (baselines.isEmpty() && given == null && gate.json == null && gate.markdown == null
                && gate.junit == null) {
            err().println("perf-gate: no baseline for " + platform + " (" + store.path(platform)
                    + " does not exist), so nothing to check. Create one from a run on this platform with: "
                    + "java -jar perf-gate.jar approve --reason \"first baseline for " + platform + "\"");
            return ExitCodes.OK;
        }
        List<Path> files = results.isEmpty() ? List.of(runBenchmarks(run)) : results;
        List<BenchmarkResult> current = given != null ? given : read(files.get(0));
        List<HostFile.Entry> hosts = new ArrayList<>();
        for (Path file : files) {
            hosts.addAll(Hosts.of(file, current, platform, err()));
        }
        BaselineChoice choice = baselines.isPresent() ? BaselineChoice.of(baselines.get(), hosts)
                : BaselineChoice.none(platform, "baselines/" + platform + ".json");
        Baseline base = choice.set();
        GateReport report = comparison.compare(base.asResults(), current, base.thresholds(),
                PlannedRuns.noiseAtPlans(base, current));
        if (confirmation.confirm && confirmHere(hosts, current, platform)) {
            Duration left = budget.minus(Duration.ofNanos(System.nanoTime() - start));
            current = Confirmation.check(report, current, run, left, platform, err());
            report = comparison.compare(base.asResults(), current, base.thresholds(),
                    PlannedRuns.noiseAtPlans(base, current));
        }
        report = report.withContext(platform.toString(), choice.notes(), gate.strict ? "" : choice.advisoryReason());
        gate.writeReports(report, gate.markdown == null ? List.of()
                : RecentHistory.of(report, project.projectDir, platform,
                hosts.stream().map(h -> h.host().hostClass()).distinct().count() == 1
                        ? hosts.get(0).host().hostClass() : null, clock, err()));
        out().print(ConsoleReport.render(report));
        out().flush();
        if (report.fails()) {
            return ExitCodes.REGRESSION;
        }
        if (!partial.isEmpty()) {
            err().println("perf-gate: INCOMPLETE: no regression among the benchmarks that finished, but "
                    + String.join(", ", partial.stream().map(Path::toString).toList()) + " is partial; "
                    + "exit code " + ExitCodes.RUN_FAILED + " (the benchmark run did not complete)");
            return ExitCodes.RUN_FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * Whether confirmation forks run here may be pooled with the results: only on a host of the
     * class that measured them. Results from other machines (CI shards) are confirmed where they ran.
     */
    private boolean confirmHere(List<HostFile.Entry> hosts, List<BenchmarkResult> current, PlatformKey platform) {
        if (results.isEmpty()) {
            return true;
        }
        HostFile.Entry here = Hosts.measureHere(results.get(0), current, platform, err());
        List<String> differences = hosts.stream().map(h -> h.host().hostClass()).distinct()
                .flatMap(c -> here.host().hostClass().differencesFrom(c, "the results' host").stream()).toList();
        if (differences.isEmpty()) {
            return true;
        }
        err().println("perf-gate: --confirm: not confirming here: the results were measured on another host class ("
                + String.join("; ", differences) + "); more forks from this machine would be pooled with theirs. "
                + "Confirm where they ran (perf-gate check --confirm there)");
        return false;
    }
}
