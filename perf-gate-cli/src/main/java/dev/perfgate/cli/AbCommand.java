package dev.perfgate.cli;

import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;
import dev.perfgate.core.report.ConsoleReport;
import dev.perfgate.core.stats.DecisionRule;
import dev.perfgate.core.stats.RunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code perf-gate ab}: same-machine A/B. The forks of the base and the head jar run interleaved,
 * each pair in a random order (base-head or head-base), so that drift and noisy neighbours hit both
 * alike; then the same statistics, reports and exit codes as {@code check}: the two sides' forks as
 * two samples, or with {@code --paired} pair by pair ({@link Gate#paired}: the signed-rank test of the
 * pairs' differences, so that what a pair's two forks share cancels).
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Same-machine A/B: runs the benchmarks of two jars (e.g. the base and the head commit's "
                + "benchmarks) with their forks interleaved in pairs, each pair in random order, then compares "
                + "them with the same statistics, verdicts and reports as check (--paired: pair by pair). Nothing "
                + "is written to baselines/ or history/; only the run plans are read from "
                + "baselines/<platform>.json (--profile calibrated).",
            "Each side gets the profile's forks, or with --profile calibrated each benchmark its plan's forks and "
                + "iteration settings; every fork is one JMH run of all selected benchmarks (one per group of "
                + "alike warm-up and iterations) with -f 1. The results of every fork are kept under --out's "
                + "directory, in ab-<side>-<n>.json."})
final class AbCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--base", paramLabel = "JAR", required = true, description = "The base benchmarks jar (A).")
    Path baseJar;

    @Option(names = "--head", paramLabel = "JAR", required = true, description = "The head benchmarks jar (B).")
    Path headJar;

    @Option(names = "--base-jvm-arg", paramLabel = "ARG",
            description = "An argument for the base side's benchmark JVMs only (repeatable), e.g. to A/B a JVM flag "
                    + "with the same jar on both sides.")
    List<String> baseJvmArgs = new ArrayList<>();

    @Option(names = "--head-jvm-arg", paramLabel = "ARG",
            description = "An argument for the head side's benchmark JVMs only (repeatable).")
    List<String> headJvmArgs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fork order (default: random, printed).")
    Long seed;

    @Option(names = "--paired",
            description = "Compare each benchmark's forks pair by pair (Wilcoxon signed-rank test of the pairs' "
                    + "log differences) instead of as two samples (Mann-Whitney): sharper where a pair's two forks "
                    + "share the machine's state, blunter where single forks stray on their own; at least 6 pairs "
                    + "with run plans. scripts/verdict-quality/AbReanalysis.java compares both on kept forks.")
    boolean paired;

    @Mixin
    ConfirmOptions confirmation;

    @Mixin
    RunOptions run;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Duration budget = confirmation.budget(Duration.ofMinutes(30));
        confirmation.warnIfIgnored(err());
        if (run.benchmarksJar != null) {
            throw new UsageException("ab takes the jars as --base and --head, not --benchmarks");
        }
        if (run.forkCount() < 1) {
            throw new UsageException("--forks must be >= 1 but was " + run.forkCount());
        }
        JmhRunner runner = new JmhRunner(err());
        // Both jars and the selection are checked before the first fork, not after half the run.
        runner.methods(side(baseJar, baseJvmArgs));
        List<String> methods = runner.methods(side(headJar, headJvmArgs));
        PlannedRuns.Selection selection = PlannedRuns.select(run, methods,
                PlannedRuns.planSet(run, project.projectDir, platform(), err()), "baselines/" + platform() + ".json");
        selection = pairsFor(selection, budget);
        PlannedRuns.announce(selection, 2, err());
        run.plans = selection.plans();
        int forks = selection.groups().stream().mapToInt(g -> g.options().forkCount()).max().orElseThrow();
        long orderSeed = seed != null ? seed : new Random().nextLong();
        Random order = new Random(orderSeed);
        Path dir = run.out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        err().println("perf-gate: A/B of " + baseJar + " (base) and " + headJar + " (head), " + forks
                + " forks each" + (selection.groups().size() > 1 ? " at most (each benchmark its plan's)" : "")
                + ", interleaved in random pair order (--seed " + orderSeed + ")"
                + (paired ? " and compared pair by pair" : ""));
        List<List<BenchmarkResult>> base = new ArrayList<>();
        List<List<BenchmarkResult>> head = new ArrayList<>();
        interleave(runner, order, selection, m -> true, true, 1, forks, dir, base, head);
        Gate comparison = paired ? Gate.paired(gate.policy()) : new Gate(gate.policy());
        GateReport report = comparison.compare(ForkPool.pool(base), ForkPool.pool(head), Map.of());
        if (confirmation.confirm) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Duration left = budget.minus(elapsed);
            // Both sides grow here: forksNeeded is per side. A fork costs what the pairs so far cost.
            double plannedSeconds = 2 * selection.groups().stream().mapToDouble(PlannedRuns.Group::expectedSeconds)
                    .sum();
            Optional<Confirmation.Plan> plan = Confirmation.plan(report, forks,
                    r -> Math.max(0, r.decision().forksNeeded() - forks),
                    Confirmation.measuredForkCost(run.forkTime().multipliedBy(2), plannedSeconds, elapsed), left,
                    err());
            if (plan.isPresent()) {
                Set<String> doubtful = plan.get().ids().stream().map(id -> id.name()).collect(Collectors.toSet());
                interleave(runner, order, selection, doubtful::contains, false, forks + 1, forks + plan.get().forks(),
                        dir, base, head);
                report = comparison.compare(ForkPool.pool(base), ForkPool.pool(head), Map.of());
            }
        }
        gate.writeReports(report, List.of());
        out().print(ConsoleReport.render(report));
        out().flush();
        return report.fails() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /**
     * Runs fork pairs {@code first..last} of the selected benchmark methods, each pair in random
     * order. Each side of a pair is one JMH run with one fork per group of alike warm-up and iterations
     * (one group unless benchmarks run their own plans), the groups' JSON merged into
     * {@code ab-<side>-<n>.json}.
     *
     * @param wanted     which benchmark methods to run
     * @param planForks  whether a group stops at its own forks (its plan's) rather than at {@code last}
     */
    private void interleave(JmhRunner runner, Random order, PlannedRuns.Selection selection,
                            java.util.function.Predicate<String> wanted, boolean planForks, int first, int last,
                            Path dir, List<List<BenchmarkResult>> base, List<List<BenchmarkResult>> head)
            throws Exception {
        for (int i = first; i <= last; i++) {
            List<BenchmarkResult> baseOfPair = new ArrayList<>();
            List<BenchmarkResult> headOfPair = new ArrayList<>();
            boolean baseFirst = order.nextBoolean();
            for (boolean isBase : baseFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                List<PlannedRuns.Group> groups = new ArrayList<>();
                for (PlannedRuns.Group group : selection.groups()) {
                    List<String> methods = group.methods().stream().filter(wanted).toList();
                    if (methods.isEmpty() || planForks && group.options().forkCount() < i) {
                        continue;
                    }
                    RunOptions options = group.options().copy();
                    options.benchmarksJar = isBase ? baseJar : headJar;
                    options.forks = 1;
                    options.jvmArgs.addAll(isBase ? baseJvmArgs : headJvmArgs);
                    groups.add(new PlannedRuns.Group(options, methods, group.plan(),
                            group.expectedSeconds() / Math.max(1, group.options().forkCount())));
                }
                groups = byShape(groups);
                if (groups.isEmpty()) {
                    continue;
                }
                String side = isBase ? "base" : "head";
                err().println("perf-gate: ab fork " + i + "/" + last + ": " + side);
                err().flush();
                Path out = dir.resolve("ab-" + side + "-" + i + ".json");
                PlannedRuns.execute(runner, new PlannedRuns.Selection(selection.profile(), "", groups,
                        selection.plans()), out);
                (isBase ? baseOfPair : headOfPair).addAll(read(out));
            }
            keepComplete(i, baseOfPair, headOfPair);
            base.add(baseOfPair);
            head.add(headOfPair);
        }
    }

    /**
     * The fork pairs each planned group runs in {@code ab}: its plan's forks, with {@code --paired} at
     * least the fewest pairs with which the signed-rank test can be significant (a plan sized for the
     * rank-sum test may have fewer); with {@code --confirm}, when that would take both sides past the
     * {@code --max-time} budget, the same share of each group's forks (not below the fewest a test
     * needs), so that the first forks end within the budget, and says so. A fixed profile's forks are
     * the user's, and stay.
     */
    private PlannedRuns.Selection pairsFor(PlannedRuns.Selection selection, Duration budget) throws UsageException {
        if (!selection.profile().planned()) {
            return selection;
        }
        DecisionRule rule = new DecisionRule(gate.policy());
        int minimum = paired ? rule.minimumPairs() : rule.minimumForks();
        List<PlannedRuns.Group> all = pairs(selection.groups(), minimum, Double.POSITIVE_INFINITY);
        double both = 2 * all.stream().mapToDouble(PlannedRuns.Group::expectedSeconds).sum();
        double seconds = budget.toMillis() / 1000.0;
        if (!confirmation.confirm || both <= seconds) {
            return new PlannedRuns.Selection(selection.profile(), selection.reason(), all, selection.plans());
        }
        err().println(String.format(Locale.ROOT, "perf-gate: the plans need about %s for both sides, more than the "
                + "--max-time budget of %s: each benchmark runs the same share of its plan's forks (at least %d), so "
                + "its verdict may be inconclusive where the plan's forks would decide", PlannedRuns.minutes(both),
                PlannedRuns.minutes(seconds), minimum));
        return new PlannedRuns.Selection(selection.profile(), selection.reason(), pairs(all, minimum, seconds),
                selection.plans());
    }

    /**
     * Each group with its plan's forks, at least {@code minimum}; when both sides would take longer than
     * {@code budgetSeconds}, the same share of each group's forks (not below {@code minimum}) that fits.
     */
    static List<PlannedRuns.Group> pairs(List<PlannedRuns.Group> groups, int minimum, double budgetSeconds) {
        double both = 2 * groups.stream().mapToDouble(g -> g.expectedSeconds() * Math.max(minimum,
                g.options().forkCount()) / g.options().forkCount()).sum();
        double share = Math.min(1, budgetSeconds / both);
        List<PlannedRuns.Group> out = new ArrayList<>();
        for (PlannedRuns.Group group : groups) {
            int planned = group.options().forkCount();
            int forks = Math.max(minimum, (int) Math.floor(Math.max(minimum, planned) * share));
            RunOptions options = group.options().copy();
            options.forks = forks;
            out.add(new PlannedRuns.Group(options, group.methods(), group.plan(),
                    group.expectedSeconds() * forks / planned));
        }
        return out;
    }

    /**
     * Merges the groups of one fork that differ only in how many forks their plans have: every fork of
     * {@code ab} is a JMH run with {@code -f 1}, so benchmarks whose forks are alike share one JMH run
     * (one JVM start of the JMH runner per fork and side instead of one per plan).
     */
    static List<PlannedRuns.Group> byShape(List<PlannedRuns.Group> groups) throws UsageException {
        Map<List<String>, PlannedRuns.Group> merged = new LinkedHashMap<>();
        for (PlannedRuns.Group group : groups) {
            merged.merge(group.options().settings(), group, (a, b) -> {
                RunOptions options = a.options().copy();
                Map<String, RunPlan> plans = new TreeMap<>(a.options().plans);
                plans.putAll(b.options().plans);
                options.plans = plans;
                List<String> methods = new ArrayList<>(a.methods());
                methods.addAll(b.methods());
                return new PlannedRuns.Group(options, methods, a.plan(), a.expectedSeconds() + b.expectedSeconds());
            });
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * Leaves out of pair {@code i} every benchmark that has a result on one side only (its fork failed
     * on the other, JMH going on with the rest), so that each benchmark's forks stay in pairs.
     */
    private void keepComplete(int i, List<BenchmarkResult> base, List<BenchmarkResult> head) {
        dropUnmatched(i, base, head, "head");
        dropUnmatched(i, head, base, "base");
    }

    private void dropUnmatched(int i, List<BenchmarkResult> side, List<BenchmarkResult> other, String otherSide) {
        List<BenchmarkResult> alone = ForkPool.unmatched(side, other);
        for (BenchmarkResult r : alone) {
            err().println("perf-gate: ab pair " + i + ": " + r.id() + " has no " + otherSide
                    + " result; the pair is left out");
        }
        side.removeAll(alone);
    }

    /** This side's options: the run's, with its jar, one fork, and its own JVM arguments. */
    private RunOptions side(Path jar, List<String> extraJvmArgs) {
        RunOptions side = run.copy();
        side.benchmarksJar = jar;
        side.forks = 1;
        side.jvmArgs.addAll(extraJvmArgs);
        return side;
    }
}
