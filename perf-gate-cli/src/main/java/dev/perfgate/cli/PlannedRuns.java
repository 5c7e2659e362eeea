package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.jmh.JmhJsonMerger;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs benchmarks by their run plans ({@code --profile calibrated}): which profile a run uses and
 * why ({@link #select}), and the run itself ({@link #execute}). JMH takes one set of forks,
 * iterations and iteration time per invocation, so the benchmarks run in groups of identical
 * settings, one JMH invocation per group selecting its methods by exact name, and the groups' JMH
 * JSON is merged into the results file ({@link JmhJsonMerger}); the progress lines count over the
 * whole run ({@link JmhRunner.Stage}).
 *
 * <p>A plan belongs to a benchmark (name, mode, params) but JMH selects methods; a method whose
 * benchmarks have different plans runs the smallest plan that covers all of them: the most forks,
 * the longest iteration time, the most warm-up time and measurement time of any of them.
 */
final class PlannedRuns {

    /**
     * One JMH invocation.
     *
     * @param options         its run options (settings: the plan's, or the fixed profile's)
     * @param methods         the benchmark methods it runs, by JMH name
     * @param plan            the plan it runs, or null for the fixed settings
     * @param expectedSeconds its expected wall time
     */
    record Group(RunOptions options, List<String> methods, RunPlan plan, double expectedSeconds) {
        Group {
            Objects.requireNonNull(options, "options");
            methods = List.copyOf(methods);
        }
    }

    /**
     * What a run runs.
     *
     * @param profile the profile used
     * @param reason  why, for standard error; empty when there is nothing to say (a fixed profile asked for)
     * @param groups  the JMH invocations, at least one
     * @param plans   the plan of each planned method
     */
    record Selection(Profile profile, String reason, List<Group> groups, Map<String, RunPlan> plans) {
        Selection {
            groups = List.copyOf(groups);
            plans = Map.copyOf(plans);
        }
    }

    /**
     * One group's outcome.
     *
     * @param group   the group
     * @param results its results as JMH wrote them
     * @param elapsed the wall time of its JMH invocation
     */
    record Ran(Group group, List<BenchmarkResult> results, Duration elapsed) {
    }

    private PlannedRuns() {
    }

    /**
     * The entry set whose plans a run on this machine may use: the set of this host's class in the
     * platform's baseline file, if any. Measures the host (about two seconds, once per process)
     * only when the profile asks for plans or is left to choose.
     */
    static Optional<Baseline> planSet(RunOptions options, Path projectDir, PlatformKey platform, PrintWriter progress)
            throws InputException {
        if (options.profile != null && !options.profile.planned()) {
            return Optional.empty();
        }
        Optional<BaselineFile> file = new BaselineStore(projectDir).read(platform);
        if (file.isEmpty() || file.get().sets().stream().flatMap(s -> s.entries().stream())
                .noneMatch(e -> e.plan() != null)) {
            return Optional.empty();
        }
        if (options.profile == null && options.overridesGiven()) {
            progress.println("perf-gate: standard profile with the settings given on the command line; --profile "
                    + "calibrated runs the run plans in baselines/" + platform + ".json");
            return Optional.empty();
        }
        dev.perfgate.core.model.HostIdentity host = Hosts.beforeRun(options, platform, progress);
        Optional<Baseline> set = file.get().forHost(host);
        if (set.isEmpty() && options.profile == null) {
            progress.println("perf-gate: standard profile: baselines/" + platform + ".json has run plans, but none for "
                    + "this host class (" + host.hostClass().label() + "); perf-gate calibrate on this class plans them");
        }
        return set;
    }

    /**
     * Chooses the profile and the groups.
     *
     * @param options the run's options
     * @param methods the benchmark methods to run (JMH names)
     * @param set     the entry set of this host's class, if any ({@link #planSet})
     * @param where   the baseline file, as the user knows it, for messages
     */
    static Selection select(RunOptions options, List<String> methods, Optional<Baseline> set, String where)
            throws UsageException {
        Map<String, Integer> counts = new TreeMap<>();
        methods.forEach(m -> counts.put(m, Math.max(1, set.map(s -> (int) s.entries().stream()
                .filter(e -> e.id().name().equals(m)).count()).orElse(0))));
        boolean wanted = options.profile == null ? !options.overridesGiven() : options.profile.planned();
        Map<String, RunPlan> plans = wanted ? set.map(s -> plans(s, methods)).orElse(Map.of()) : Map.of();
        List<String> unplanned = methods.stream().filter(m -> !plans.containsKey(m)).toList();
        String hostClass = set.map(Baseline::hostLabel).orElse("this host class");
        if (!wanted || options.profile == null && !unplanned.isEmpty()) {
            Profile profile = options.profile();
            // Run settings given on the command line are a fixed profile asked for; planSet says so.
            String reason = "";
            if (options.profile == null && !options.overridesGiven() && !plans.isEmpty()) {
                reason = "standard profile: " + unplanned.size() + " of " + methods.size() + " benchmark methods have "
                        + "no run plan for " + hostClass + " in " + where + " (" + names(unplanned) + "); perf-gate "
                        + "calibrate plans them, --profile calibrated runs the others' plans";
            } else if (options.profile == null && !options.overridesGiven() && set.isPresent()) {
                reason = "standard profile: no selected benchmark has a run plan for " + hostClass + " in " + where
                        + "; perf-gate calibrate plans them";
            }
            return new Selection(profile, reason, List.of(fixed(options, methods, counts)), Map.of());
        }
        List<Group> groups = groups(options, methods, plans, counts);
        String reason = options.profile == null
                ? "calibrated profile: every selected benchmark has a run plan for " + hostClass + " in " + where
                : "calibrated profile: run plans for " + hostClass + " from " + where;
        int planned = groups.size() - (unplanned.isEmpty() ? 0 : 1);
        reason += "; " + planned + (planned == 1 ? " run plan" : " distinct run plans");
        if (!unplanned.isEmpty()) {
            reason += "; without a run plan, " + names(unplanned) + " run" + (unplanned.size() == 1 ? "s" : "")
                    + " the standard profile's settings (" + String.join(" ", groups.get(groups.size() - 1).options()
                    .settings()) + ")" + (set.isEmpty() ? ": no entry set of this host class in " + where
                    : ": perf-gate calibrate plans " + (unplanned.size() == 1 ? "it" : "them"));
        }
        return new Selection(Profile.CALIBRATED, reason, groups, plans);
    }

    /**
     * A rerun of some methods of measured results with {@code forks} forks each ({@code --confirm}).
     * The forks it adds join the results' forks, so each method reruns the warm-up and measurement
     * iterations its results were measured with, whatever profile or plan measured them: a run of
     * this process, or results from elsewhere ({@code check --results} of a CI shard, measured with
     * the plans of the shard's host class). A method whose results do not say (no iteration times, or
     * a warm-up time other than the measurement time) reruns by its plan when the run had plans, by
     * the run's fixed settings otherwise.
     *
     * @param options the run's options
     * @param results the measured results the rerun's forks will join
     */
    static Selection withForks(RunOptions options, List<String> methods, int forks, List<BenchmarkResult> results)
            throws UsageException {
        Map<List<String>, List<String>> byShape = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String method : methods) {
            List<List<String>> shapes = results.stream().filter(r -> r.id().name().equals(method))
                    .map(r -> shape(r.settings())).distinct().toList();
            if (shapes.size() == 1 && !shapes.get(0).isEmpty()) {
                byShape.computeIfAbsent(shapes.get(0), k -> new ArrayList<>()).add(method);
            } else {
                unknown.add(method);
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        methods.forEach(m -> counts.put(m, 1));
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> shape : byShape.entrySet()) {
            RunOptions group = options.copy();
            group.forks = forks;
            group.warmupIterations = Integer.valueOf(shape.getKey().get(0));
            group.iterations = Integer.valueOf(shape.getKey().get(1));
            group.iterationTime = shape.getKey().get(2);
            // A plan of this very shape still says what its forks cost, for the budget.
            group.plans = options.plans.entrySet().stream()
                    .filter(e -> shape.getValue().contains(e.getKey()) && shape.getKey().equals(List.of(
                            String.valueOf(e.getValue().warmupIterations()), String.valueOf(e.getValue().iterations()),
                            e.getValue().jmhIterationTime())))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().withForks(forks)));
            groups.add(fixed(group, shape.getValue(), counts));
        }
        Map<String, RunPlan> plans = new TreeMap<>();
        options.plans.forEach((method, plan) -> {
            if (unknown.contains(method)) {
                plans.put(method, plan.withForks(forks));
            }
        });
        if (!unknown.isEmpty()) {
            RunOptions rerun = options.copy();
            rerun.forks = forks;
            groups.addAll(groups(rerun, unknown, plans, counts));
        }
        return new Selection(plans.isEmpty() ? options.profile() : Profile.CALIBRATED, "", groups, plans);
    }

    /**
     * The shape of forks measured with these settings, in terms a rerun can repeat (warm-up
     * iterations, measurement iterations, iteration time); empty when the settings do not say it
     * (no iteration times) or say one a rerun cannot repeat (a warm-up time other than the
     * measurement time).
     */
    private static List<String> shape(RunSettings s) {
        Duration time = s.measurementTime();
        boolean repeatable = s.measurementIterations() >= 1 && time.toNanos() > 0 && time.toNanos() % 1000 == 0
                && (s.warmupIterations() == 0 || s.warmupTime().equals(time));
        return repeatable ? List.of(String.valueOf(s.warmupIterations()), String.valueOf(s.measurementIterations()),
                RunPlan.jmhTime(time)) : List.of();
    }

    /** One group per set of identical plan settings, in method order, then the methods without a plan. */
    private static List<Group> groups(RunOptions options, List<String> methods, Map<String, RunPlan> plans,
                                      Map<String, Integer> counts) throws UsageException {
        Map<RunPlan, List<String>> bySettings = new LinkedHashMap<>();
        for (String method : methods) {
            if (plans.containsKey(method)) {
                RunPlan plan = plans.get(method);
                RunPlan key = bySettings.keySet().stream().filter(p -> sameSettings(p, plan)).findFirst().orElse(plan);
                bySettings.computeIfAbsent(key, k -> new ArrayList<>()).add(method);
            }
        }
        List<Group> groups = new ArrayList<>();
        bySettings.forEach((plan, names) -> {
            RunOptions group = options.copy();
            group.profile = Profile.CALIBRATED;
            group.forks = plan.forks();
            group.warmupIterations = plan.warmupIterations();
            group.iterations = plan.iterations();
            group.iterationTime = plan.jmhIterationTime();
            group.plans = names.stream().collect(Collectors.toMap(n -> n, plans::get));
            double seconds = names.stream().mapToDouble(n -> counts.get(n) * plans.get(n).expectedSeconds()).sum();
            groups.add(new Group(group, names, plan, seconds));
        });
        List<String> unplanned = methods.stream().filter(m -> !plans.containsKey(m)).toList();
        if (!unplanned.isEmpty()) {
            RunOptions fallback = options.copy();
            fallback.profile = plans.isEmpty() ? options.profile : Profile.CALIBRATED;
            fallback.plans = Map.of();
            groups.add(fixed(fallback, unplanned, counts));
        }
        return groups;
    }

    private static Group fixed(RunOptions options, List<String> methods, Map<String, Integer> counts)
            throws UsageException {
        double fork = options.forkTime().toMillis() / 1000.0;
        double seconds = methods.stream().mapToDouble(m -> counts.get(m) * options.forkCount() * fork).sum();
        return new Group(options, methods, null, seconds);
    }

    /** Each method's plan, for the methods whose every benchmark in the set has one. */
    static Map<String, RunPlan> plans(Baseline set, List<String> methods) {
        Map<String, RunPlan> out = new TreeMap<>();
        for (String method : methods) {
            List<BaselineEntry> entries = set.entries().stream().filter(e -> e.id().name().equals(method)).toList();
            if (!entries.isEmpty() && entries.stream().allMatch(e -> e.plan() != null)) {
                out.put(method, covering(entries.stream().map(BaselineEntry::plan).toList()));
            }
        }
        return out;
    }

    /**
     * The smallest plan that gives each of {@code plans} at least its forks, warm-up time and
     * measurement time, at the longest of their iteration times.
     */
    static RunPlan covering(List<RunPlan> plans) {
        if (plans.size() == 1) {
            return plans.get(0);
        }
        Duration time = plans.stream().map(RunPlan::iterationTime).max(Duration::compareTo).orElseThrow();
        long t = time.toNanos();
        int forks = plans.stream().mapToInt(RunPlan::forks).max().orElseThrow();
        int warmup = plans.stream().mapToInt(p -> (int) ((p.warmupIterations() * p.iterationTime().toNanos() + t - 1)
                / t)).max().orElseThrow();
        int iterations = plans.stream().mapToInt(p -> (int) ((p.iterations() * p.iterationTime().toNanos() + t - 1)
                / t)).max().orElseThrow();
        double forkCost = plans.stream().mapToDouble(RunPlan::forkCostSeconds).max().orElseThrow();
        double detects = plans.stream().mapToDouble(RunPlan::detects).max().orElseThrow();
        double forkLogSd = plans.stream().mapToDouble(RunPlan::forkLogSd).max().orElseThrow();
        return new RunPlan(forks, warmup, iterations, time, forkLogSd, forkCost,
                forks * (forkCost + (warmup + iterations) * t / 1e9), detects);
    }

    /**
     * The calibrated noise the gate should expect of {@code current}: a benchmark measured with its
     * plan's warm-up, iterations and iteration time has the plan's fork noise, not the noise the
     * calibration measured at its own settings; the run-to-run shift stays as calibrated. A stored
     * baseline approved from a run of the same plan has that noise too; one from other settings
     * differs, and the figures are then approximate.
     */
    static Map<BenchmarkId, Noise> noiseAtPlans(Baseline base, List<BenchmarkResult> current) {
        Map<BenchmarkId, Noise> noise = new java.util.HashMap<>(base.noise());
        for (BenchmarkResult r : current) {
            RunPlan plan = base.find(r.id()).map(BaselineEntry::plan).orElse(null);
            Noise calibrated = noise.get(r.id());
            RunSettings s = r.settings();
            if (plan != null && calibrated != null && s.warmupIterations() == plan.warmupIterations()
                    && s.measurementIterations() == plan.iterations() && s.measurementTime().equals(plan.iterationTime())) {
                noise.put(r.id(), new Noise(plan.forkLogSd(), calibrated.runLogSd(), calibrated.runs(), calibrated.forks(),
                        calibrated.calibratedAt(), calibrated.components()));
            }
        }
        return noise;
    }

    private static boolean sameSettings(RunPlan a, RunPlan b) {
        return a.forks() == b.forks() && a.warmupIterations() == b.warmupIterations()
                && a.iterations() == b.iterations() && a.iterationTime().equals(b.iterationTime());
    }

    /**
     * Runs the groups and writes their results, merged, to {@code out} (JMH's own file when there is
     * one group). Each group's JMH output goes to {@code jmh.log}, or {@code jmh-group-K.log} when
     * there are several.
     */
    static List<Ran> execute(JmhRunner runner, Selection selection, Path out)
            throws InputException, UsageException, RunFailedException, IOException {
        List<Group> groups = selection.groups();
        if (groups.size() == 1) {
            Group group = groups.get(0);
            Duration elapsed = runner.run(group.options(), out, group.methods());
            return List.of(new Ran(group, CommandSupport.read(out), elapsed));
        }
        int total = groups.stream().mapToInt(g -> g.methods().size()).sum();
        double all = groups.stream().mapToDouble(Group::expectedSeconds).sum();
        double before = 0;
        int methodsBefore = 0;
        String name = out.getFileName().toString().replaceFirst("\\.json$", "");
        List<Path> files = new ArrayList<>();
        List<Ran> ran = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            Group group = groups.get(k);
            Path file = out.toAbsolutePath().resolveSibling(name + ".group-" + (k + 1) + ".json");
            JmhRunner.Stage stage = new JmhRunner.Stage(k + 1, groups.size(), methodsBefore, total, before,
                    group.expectedSeconds(), all - before - group.expectedSeconds(), "jmh-group-" + (k + 1) + ".log",
                    files, out);
            Duration elapsed = runner.run(group.options(), file, group.methods(), stage);
            ran.add(new Ran(group, CommandSupport.read(file), elapsed));
            files.add(file);
            before += group.expectedSeconds();
            methodsBefore += group.methods().size();
        }
        SafeFiles.writeAtomically(out.toAbsolutePath(), new JmhJsonMerger().merge(files).json());
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        return ran;
    }

    /**
     * The wall time of a fork beyond its iterations, in seconds, from runs just made: their wall time
     * minus the iterations' time (JMH's recorded settings), over their forks; JMH's own start and
     * the GC profiler's work are spread over the forks. Empty when the runs had no fork.
     */
    static Optional<Double> forkCost(List<Ran> runs) {
        double overhead = 0;
        int forks = 0;
        for (Ran run : runs) {
            double iterations = 0;
            int runForks = 0;
            for (BenchmarkResult r : run.results()) {
                RunSettings s = r.settings();
                int f = Math.max(s.forks(), r.primary().forks().size());
                iterations += f * (s.warmupIterations() * s.warmupTime().toNanos()
                        + s.measurementIterations() * s.measurementTime().toNanos()) / 1e9;
                runForks += f;
            }
            overhead += run.elapsed().toNanos() / 1e9 - iterations;
            forks += runForks;
        }
        return forks == 0 ? Optional.empty() : Optional.of(Math.max(0, overhead / forks));
    }

    /**
     * Each method's expected runner time under this selection, in seconds, for the methods with
     * entries in {@code baseline}: its plan's time per benchmark, or its group's fixed settings'
     * (forks x fork time), times its benchmarks there (param combinations and modes).
     */
    static Map<String, Double> expectedSeconds(Selection selection, Baseline baseline) throws UsageException {
        Map<String, Double> out = new TreeMap<>();
        for (Group group : selection.groups()) {
            double fixed = group.options().forkCount() * group.options().forkTime().toMillis() / 1000.0;
            for (String method : group.methods()) {
                long benchmarks = baseline.entries().stream().filter(e -> e.id().name().equals(method)).count();
                RunPlan plan = selection.plans().get(method);
                if (benchmarks > 0) {
                    out.put(method, benchmarks * (plan != null ? plan.expectedSeconds() : fixed));
                }
            }
        }
        return out;
    }

    /** Prints what runs and why, and for a calibrated run its expected time. */
    static void announce(Selection selection, PrintWriter progress) {
        announce(selection, 1, progress);
    }

    /**
     * Prints what runs and why, and for a calibrated run its expected time for {@code sides} runs of
     * the selection ({@code ab} runs both jars).
     */
    static void announce(Selection selection, int sides, PrintWriter progress) {
        if (!selection.reason().isEmpty()) {
            progress.println("perf-gate: " + selection.reason());
        }
        if (selection.profile().planned()) {
            double seconds = sides * selection.groups().stream().mapToDouble(Group::expectedSeconds).sum();
            progress.println(String.format(Locale.ROOT, "perf-gate: expected run time %s%s", minutes(seconds),
                    sides == 2 ? " (both sides)" : ""));
        }
        progress.flush();
    }

    static String minutes(double seconds) {
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    private static String names(List<String> methods) {
        List<String> simple = methods.stream().map(PlannedRuns::simpleName).toList();
        return simple.size() <= 5 ? String.join(", ", simple)
                : String.join(", ", simple.subList(0, 5)) + " and " + (simple.size() - 5) + " more";
    }

    /** {@code CosineSimilarityBenchmark.batch} for {@code dev.perfgate.kernels.CosineSimilarityBenchmark.batch}. */
    private static String simpleName(String method) {
        int method0 = method.lastIndexOf('.');
        int type = method0 > 0 ? method.lastIndexOf('.', method0 - 1) : -1;
        return method.substring(type + 1);
    }
}
