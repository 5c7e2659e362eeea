package dev.perfgate.cli;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.baseline.UnifiedDiff;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;
import dev.perfgate.core.stats.RunPlanner;
import dev.perfgate.core.stats.RunPlans;
import dev.perfgate.core.stats.VarianceComponents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code perf-gate calibrate}: measures each benchmark's noise from repeated runs of unchanged code
 * (A/A), stores it with the baseline entry and prints what the gate can detect.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measures each benchmark's noise from repeated runs of unchanged code (A/A): the "
                + "fork-to-fork noise and the run-to-run shift. Stores it with the benchmark's entry in "
                + "baselines/<platform>.json (printed as a diff for review) and prints the smallest change the "
                + "standard profile detects and the forks needed to detect the threshold with 95%% power.",
            "It also splits the noise into iteration and fork levels (iteration noise, its lag-1 autocorrelation, "
                + "the fork component) and stores a run plan per benchmark: the forks, warm-up and measurement "
                + "iterations and iteration time that decide the threshold in the least runner time, at the fork "
                + "cost measured from the wall time of its runs (0.5 s with --results). run, check and ab use the "
                + "plans with --profile calibrated, the default once every selected benchmark has one.",
            "check then uses the stored noise: a difference within the run-to-run shift is inconclusive rather "
                + "than a regression, the notes say how many more forks would decide, and check --confirm "
                + "chooses how many forks to rerun. Calibrate from runs made at different times (--results of "
                + "past runs of main) to see the drift a stored baseline meets; back-to-back runs see less of it."})
final class CalibrateCommand extends CommandSupport implements Callable<Integer> {

    /** Power of the figures calibrate prints. */
    static final double POWER = 0.95;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "How many runs to make (default: ${DEFAULT-VALUE}); each runs every benchmark with the "
                    + "profile's forks.")
    int runs;

    @Option(names = "--results", paramLabel = "FILE", arity = "1..*",
            description = "Calibrate from these JMH JSON results of unchanged code instead of running (e.g. the "
                    + "last runs of main).")
    List<Path> results;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "Default regression threshold in percent (default: ${DEFAULT-VALUE}); a benchmark's "
                    + "own threshold in the baseline wins.")
    double thresholdPct;

    @Option(names = "--fork-cost", paramLabel = "SECONDS",
            description = "Wall time one fork costs beyond its iterations, for the run plans (default: measured "
                    + "from calibrate's own runs, or 0.5 s with --results). perf-gate ab starts a JMH run per fork "
                    + "and side, which costs more than a fork inside one JMH run: give its figure to plan for ab.")
    Double forkCostSeconds;

    @Option(names = "--dry-run", description = "Print the figures and the diff only; write nothing.")
    boolean dryRun;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (forkCostSeconds != null && !(forkCostSeconds >= 0 && forkCostSeconds < 3600)) {
            throw new UsageException("--fork-cost must be between 0 and 3600 seconds but was " + forkCostSeconds);
        }
        if (runs < 1) {
            throw new UsageException("--runs must be >= 1 but was " + runs);
        }
        GatePolicy policy = GatePolicy.DEFAULT.withThreshold(thresholdPct);
        PlatformKey platform = platform();
        BaselineStore store = new BaselineStore(project.projectDir);
        if (store.read(platform).isEmpty()) {
            throw new UsageException("no baseline for " + platform + " (" + store.path(platform) + "): calibrate "
                    + "stores the noise with the baseline entries, so approve a baseline first");
        }
        if (results != null) {
            warnIgnoredRunOptions();
        }
        List<List<BenchmarkResult>> measured = new ArrayList<>();
        List<PlannedRuns.Ran> timed = new ArrayList<>();
        if (results != null) {
            for (Path file : results) {
                measured.add(read(file));
            }
        } else {
            JmhRunner runner = new JmhRunner(err());
            // Calibrate measures with a fixed profile unless told to measure the plans themselves.
            RunOptions options = run.copy();
            options.profile = run.profile();
            PlannedRuns.Selection selection = PlannedRuns.select(options, runner.methods(options),
                    PlannedRuns.planSet(options, project.projectDir, platform, err()), "baselines/" + platform + ".json");
            PlannedRuns.announce(selection, err());
            String name = run.out.getFileName().toString().replaceFirst("\\.json$", "");
            for (int i = 1; i <= runs; i++) {
                err().println("perf-gate: calibrate run " + i + "/" + runs);
                Path out = run.out.resolveSibling(name + "-calibrate-" + i + ".json");
                timed.addAll(PlannedRuns.execute(runner, selection, out));
                measured.add(read(out));
                if (i == 1) {
                    Hosts.record(out, measured.get(0), platform, err());
                }
            }
        }
        Instant now = clock.instant();
        Optional<Double> measuredCost = PlannedRuns.forkCost(timed);
        double forkCost = forkCostSeconds != null ? forkCostSeconds
                : measuredCost.orElse(RunPlanner.DEFAULT_FORK_COST_SECONDS);
        String forkCostSource = forkCostSeconds != null ? String.format(Locale.ROOT, "%s s, as given (--fork-cost)",
                format(forkCost))
                : measuredCost.isPresent()
                ? String.format(Locale.ROOT, "%.2f s, measured from the wall time of these runs", forkCost)
                : String.format(Locale.ROOT, "%.1f s, the default measured on the 2-core development machine (results "
                + "files do not record wall time; calibrate without --results measures it)", forkCost);
        Map<BenchmarkId, Noise> noise = noise(measured, now);
        if (noise.isEmpty()) {
            throw new UsageException("no benchmark has two forks in a run, so no noise can be measured; run at least "
                    + "2 forks (--forks, or the standard profile)");
        }

        Path first = results != null ? results.get(0) : run.out.resolveSibling(
                run.out.getFileName().toString().replaceFirst("\\.json$", "") + "-calibrate-1.json");
        HostFile.Entry host = Hosts.of(first, measured.get(0), platform, err()).get(0);
        Baseline set = store.read(platform).orElseThrow().forHost(host.host()).orElseThrow(() -> new UsageException(
                "no baseline for this host class (" + host.host().hostClass().label() + ") in " + store.path(platform)
                        + ": calibrate stores the noise with the entries of the host class that measured it, so "
                        + "approve a baseline on this host class first"));
        warnIfWeaker(set, noise);
        Map<BenchmarkId, RunPlans.Outcome> plans = plans(measured, noise.keySet(), set, policy, forkCost);
        // Under the lock, the set as it is then: another approval may have changed it since.
        BaselineStore.Change change = store.update(platform, current -> current.orElseThrow().with(withNoise(
                current.orElseThrow().forHost(host.host()).orElse(set), noise, plans)), dryRun);
        Baseline baseline = change.baseline().forHost(host.host()).orElseThrow();
        out().print(table(baseline, noise, policy));
        out().print(planTable(baseline, plans, policy, forkCostSource));
        String relative = project.projectDir.toAbsolutePath().relativize(store.path(platform).toAbsolutePath())
                .toString().replace('\\', '/');
        out().print(UnifiedDiff.of(relative, change.before(), change.after()));
        long stored = noise.keySet().stream().filter(id -> baseline.find(id).isPresent()).count();
        err().println("perf-gate: " + (dryRun ? "would store" : "stored") + " the noise of " + stored + " benchmark"
                + (stored == 1 ? "" : "s") + " in " + relative + (dryRun ? " (--dry-run: nothing written)"
                : "; review and commit it"));
        return ExitCodes.OK;
    }

    /** Each benchmark's noise over the runs that measured it with at least one fork; sorted by identity. */
    static Map<BenchmarkId, Noise> noise(List<List<BenchmarkResult>> runs, Instant at) {
        Map<BenchmarkId, List<double[]>> forks = new TreeMap<>();
        for (List<BenchmarkResult> results : runs) {
            for (BenchmarkResult r : results) {
                double[] means = r.primary().forkMeans();
                if (means.length > 0) {
                    forks.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(means);
                }
            }
        }
        Map<BenchmarkId, Noise> out = new TreeMap<>();
        forks.forEach((id, perRun) -> {
            if (perRun.stream().mapToInt(a -> a.length).max().orElse(0) > 1
                    && perRun.stream().allMatch(a -> java.util.Arrays.stream(a).allMatch(v -> v > 0))) {
                out.put(id, Noise.of(perRun, at));
            }
        });
        return out;
    }

    /** Says when this calibration replaces one made from more runs, or cannot measure the run shift. */
    private void warnIfWeaker(Baseline current, Map<BenchmarkId, Noise> noise) {
        int runs = noise.values().stream().mapToInt(Noise::runs).max().orElse(0);
        int stored = current.entries().stream().filter(e -> e.noise() != null && noise.containsKey(e.id()))
                .mapToInt(e -> e.noise().runs()).max().orElse(0);
        if (runs < 2) {
            err().println("perf-gate: warning: one run measures no run-to-run shift, so check will not allow for "
                    + "drift between runs; calibrate from at least 2 runs (--runs, or several --results)");
        }
        if (stored > runs) {
            err().println("perf-gate: warning: this replaces a calibration from " + stored + " runs with one from "
                    + runs + (dryRun ? "" : "; the diff shows what is lost"));
        }
    }

    /**
     * Each calibrated benchmark's variance components and run plan (or why none), from its results
     * in every run, planned for its threshold.
     */
    static Map<BenchmarkId, RunPlans.Outcome> plans(List<List<BenchmarkResult>> runs, java.util.Set<BenchmarkId> ids,
                                                     Baseline set, GatePolicy policy, double forkCost) {
        Map<BenchmarkId, List<BenchmarkResult>> byId = new TreeMap<>();
        for (List<BenchmarkResult> results : runs) {
            for (BenchmarkResult r : results) {
                if (ids.contains(r.id())) {
                    byId.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r);
                }
            }
        }
        RunPlanner planner = RunPlanner.of(policy);
        Map<BenchmarkId, RunPlans.Outcome> out = new TreeMap<>();
        byId.forEach((id, results) -> {
            double threshold = set.find(id).map(BaselineEntry::thresholdPct).orElse(policy.thresholdPct());
            out.put(id, RunPlans.of(planner, results, forkCost, threshold / 100));
        });
        return out;
    }

    private static Baseline withNoise(Baseline current, Map<BenchmarkId, Noise> noise,
                                      Map<BenchmarkId, RunPlans.Outcome> plans) {
        List<BaselineEntry> entries = current.entries().stream()
                .map(e -> {
                    if (!noise.containsKey(e.id())) {
                        return e;
                    }
                    RunPlans.Outcome outcome = plans.get(e.id());
                    Noise measured = noise.get(e.id());
                    if (outcome != null && outcome.model() != null) {
                        measured = measured.withComponents(outcome.model());
                    }
                    // A benchmark that could not be planned now loses its old plan: that was made from other data.
                    return e.withNoise(measured).withPlan(outcome == null ? null : outcome.plan());
                })
                .toList();
        return new Baseline(current.platform(), current.host(), current.fingerprint(), current.timestamp(), entries);
    }

    private static String table(Baseline baseline, Map<BenchmarkId, Noise> noise, GatePolicy policy) {
        int forks = Profile.STANDARD.forks;
        String header = "%5s %6s %6s %9s %7s %10s  %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, header, "runs", "fork", "run", "standard",
                "drift", "forks for", ""));
        out.append(String.format(Locale.ROOT, header, "", "noise", "shift", "detects", "floor", "threshold",
                "benchmark"));
        boolean drift = false;
        for (Map.Entry<BenchmarkId, Noise> e : noise.entrySet()) {
            Noise n = e.getValue();
            double threshold = baseline.find(e.getKey()).map(BaselineEntry::thresholdPct).orElse(policy.thresholdPct());
            double mde = n.minDetectableChange(forks, forks, policy.alpha(), POWER);
            double floor = n.driftFloor(policy.alpha(), POWER);
            int needed = n.forksNeeded(threshold / 100, policy.alpha(), POWER);
            drift |= floor > threshold / 100;
            out.append(String.format(Locale.ROOT, "%5d %5.1f%% %6s %8.1f%% %7s %10s  %s%s%n", n.runs(),
                    n.forkLogSd() * 100, percent(n.runLogSd()), mde * 100, percent(floor),
                    needed + " at " + format(threshold) + "%", e.getKey().display(),
                    baseline.find(e.getKey()).isPresent() ? "" : "  (not in the baseline: not stored)"));
        }
        out.append(String.format(Locale.ROOT, "standard detects: the smallest slowdown %d v %d forks detect; drift "
                + "floor: the smallest a comparison with a stored baseline detects however many forks, because each "
                + "run shifts as a whole; forks for threshold: forks per side to detect it. All with %.0f%% power at "
                + "alpha %s (check's own notes use %.0f%% power).%n", forks, forks, POWER * 100,
                format(policy.alpha()), policy.power() * 100));
        if (drift) {
            out.append("Where the drift floor exceeds the threshold, check against the stored baseline cannot catch "
                    + "a change of the threshold's size reliably; it reports such changes as inconclusive. Compare "
                    + "those benchmarks on one machine with perf-gate ab.\n");
        }
        return out.toString();
    }

    static String planTable(Baseline baseline, Map<BenchmarkId, RunPlans.Outcome> plans, GatePolicy policy,
                                    String forkCostSource) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nRun plans (--profile calibrated): the "
                + "least runner time that decides the threshold at alpha %s with %.0f%% power; fork cost %s.%n",
                format(policy.alpha()), policy.power() * 100, forkCostSource));
        String row = "%6s %6s %6s  %-24s %9s %8s  %s%n";
        out.append(String.format(Locale.ROOT, row, "iter", "lag-1", "fork", "plan", "per side", "detects", ""));
        out.append(String.format(Locale.ROOT, row, "noise", "", "comp.", "forks x (warm-up + iter)", "", "",
                "benchmark"));
        boolean undecided = false;
        for (Map.Entry<BenchmarkId, RunPlans.Outcome> e : plans.entrySet()) {
            RunPlans.Outcome o = e.getValue();
            String name = e.getKey().display();
            if (o.plan() == null) {
                out.append(String.format(Locale.ROOT, row, o.model() == null ? "-" : percent(o.model().iterationLogSd()),
                        o.model() == null || Double.isNaN(o.model().iterationLag1()) ? "-"
                                : String.format(Locale.ROOT, "%.2f", o.model().iterationLag1()),
                        o.model() == null ? "-" : percent(o.model().forkComponentLogSd()), "no plan", "", "",
                        name + ": " + o.reason()));
                continue;
            }
            double threshold = baseline.find(e.getKey()).map(BaselineEntry::thresholdPct)
                    .orElse(policy.thresholdPct()) / 100;
            RunPlan p = o.plan();
            boolean decides = p.decides(threshold);
            undecided |= !decides;
            out.append(String.format(Locale.ROOT, row, percent(o.model().iterationLogSd()),
                    Double.isNaN(o.model().iterationLag1()) ? "-" : String.format(Locale.ROOT, "%.2f",
                            o.model().iterationLag1()),
                    // A plan of the calibration's shape counts all of the fork means' spread as fork component.
                    percent(o.calibrationShape() ? p.forkLogSd() : o.model().forkComponentLogSd()),
                    String.format(Locale.ROOT, "%d x (%d + %d x %s)", p.forks(), p.warmupIterations(), p.iterations(),
                            p.jmhIterationTime()),
                    seconds(p.expectedSeconds()), String.format(Locale.ROOT, "%.1f%%", p.detects() * 100),
                    name + (decides ? "" : "  (cannot decide " + format(threshold * 100) + "% within "
                            + RunPlanner.DEFAULT_MAX_FORKS + " forks)")
                            + shapeNote(o)
                            + (o.unsettled() > 0 ? "  (first " + o.unsettled() + " measured iteration"
                            + (o.unsettled() == 1 ? " was" : "s were") + " still warm-up: added to the warm-up)" : "")
                            + (baseline.find(e.getKey()).isPresent() ? "" : "  (not in the baseline: not stored)")));
        }
        out.append("iter noise: iteration-to-iteration noise within a fork, lag-1: its autocorrelation, fork comp.: "
                + "fork-to-fork noise that more iterations do not remove (all standard deviations of logs); per side: "
                + "expected runner time of one side; detects: the smallest change the plan's forks detect.\n");
        if (undecided) {
            out.append("Where a plan cannot decide the threshold within " + RunPlanner.DEFAULT_MAX_FORKS + " forks, "
                    + "the fork-to-fork noise alone is too large for it: such benchmarks get inconclusive verdicts at "
                    + "the threshold; compare them with perf-gate ab --confirm, or give them a larger threshold_pct.\n");
        }
        return out.toString();
    }

    /** Why a plan keeps the calibration's fork shape ({@link RunPlans.Outcome#calibrationShape}), or nothing. */
    private static String shapeNote(RunPlans.Outcome o) {
        if (!o.calibrationShape()) {
            return "";
        }
        return o.model().iterationLag1() >= VarianceComponents.MAX_LAG1
                ? "  (iteration and fork noise not told apart: all of it counted as fork noise, the calibration's fork "
                        + "shape kept)"
                : "  (the calibration's fork shape, planned from its measured spread of fork means: the model expects "
                        + "more noise than these forks showed)";
    }

    private static String seconds(double s) {
        return s < 120 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
