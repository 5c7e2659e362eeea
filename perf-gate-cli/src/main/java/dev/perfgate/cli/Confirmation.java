package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.stats.Verdict;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --confirm} of {@code check} and {@code ab}: reruns the benchmarks whose first verdict is a
 * regression, or inconclusive with an estimate worse than the threshold or an interval that does not
 * rule out the threshold ({@link ComparisonRow#inDoubt}), with more forks, so that the gate decides on
 * the first run's forks and the rerun's together.
 * Benchmarks whose verdict is settled are not rerun.
 *
 * <p>How many forks: the most any doubtful benchmark needs to decide its threshold (from its
 * calibrated noise when the baseline has it), and at least as many as it has, so that a
 * confirmation is never weaker than what it confirms; then cut to what the time left in the budget
 * allows. With less time than two forks, nothing is rerun and the first run decides, which the
 * progress output says.
 */
final class Confirmation {

    /**
     * What to rerun.
     *
     * @param ids     the doubtful benchmarks
     * @param include a JMH include pattern selecting exactly their benchmark methods
     * @param forks   how many more forks
     */
    record Plan(Set<BenchmarkId> ids, String include, int forks) {
    }

    private Confirmation() {
    }

    /**
     * Plans the rerun, printing what it decided. A regression is always rerun. Any other doubtful
     * result is rerun when more forks can decide it; when {@code moreForks} says none can (against a
     * stored baseline, its forks and the run-to-run shift set a floor), it is left as it is.
     *
     * @param report    the first verdicts
     * @param have      forks per side the doubtful benchmarks have
     * @param moreForks forks to add that would decide a row, -1 when no number would, 0 when unknown
     * @param forkCost  wall time of one more fork of one benchmark (both sides for ab)
     * @param left      time left in the budget
     * @return the plan, or empty when nothing is to be rerun or no time is left
     */
    static Optional<Plan> plan(GateReport report, int have, ToIntFunction<ComparisonRow> moreForks,
                               Duration forkCost, Duration left, PrintWriter progress) {
        List<ComparisonRow> doubtful = new ArrayList<>();
        int wanted = have;
        for (ComparisonRow row : report.rows()) {
            if (!row.inDoubt()) {
                continue;
            }
            int more = moreForks.applyAsInt(row);
            Verdict verdict = row.decision().verdict();
            if (more < 0 && verdict != Verdict.REGRESSION) {
                // Against a calibrated baseline whose run-to-run shift exceeds what the threshold allows,
                // no benchmark can be decided by more forks of this run; each says so once.
                if (verdict == Verdict.INCONCLUSIVE) {
                    progress.println("perf-gate: --confirm: " + row.id().display() + " is inconclusive and more "
                            + "forks of this run cannot decide it; not rerun");
                }
                continue;
            }
            doubtful.add(row);
            wanted = Math.max(wanted, more);
        }
        if (doubtful.isEmpty()) {
            progress.println(report.rows().stream().noneMatch(ComparisonRow::inDoubt)
                    ? "perf-gate: --confirm: every benchmark is decided; nothing to rerun"
                    : "perf-gate: --confirm: nothing to rerun");
            return Optional.empty();
        }
        Set<String> methods = doubtful.stream().map(r -> r.id().name()).collect(Collectors.toCollection(TreeSet::new));
        // A method reruns with all its parameter combinations, so all of them count for the time.
        long benchmarks = report.rows().stream()
                .filter(r -> r.isPrimary() && methods.contains(r.id().name()) && !Double.isNaN(r.current())).count();
        long perFork = Math.max(1, forkCost.toMillis() * Math.max(1, benchmarks));
        int affordable = (int) Math.min(Integer.MAX_VALUE, Math.max(0, left.toMillis()) / perFork);
        String names = doubtful.stream().map(r -> r.id().display()).collect(Collectors.joining(", "));
        if (affordable < 2) {
            progress.println("perf-gate: --confirm: " + names + " in doubt, but the time left in --max-time ("
                    + minutes(left) + ") is less than 2 more forks; the first run decides");
            return Optional.empty();
        }
        int forks = Math.min(wanted, affordable);
        progress.println("perf-gate: --confirm: " + names + " in doubt; rerunning " + methods.size()
                + " benchmark method" + (methods.size() == 1 ? "" : "s") + " with " + forks + " more forks (about "
                + minutes(Duration.ofMillis(perFork * forks)) + " of the " + minutes(left) + " left)"
                + (forks < wanted ? "; " + wanted + " would be needed to decide, more than the budget allows" : ""));
        progress.flush();
        String include = methods.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$"));
        return Optional.of(new Plan(doubtful.stream().map(ComparisonRow::id).collect(Collectors.toSet()), include,
                forks));
    }

    /**
     * {@code check --confirm}: reruns the doubtful benchmarks of {@code current} within {@code left}
     * and returns {@code current} with their forks pooled with the rerun's. The rerun's JMH JSON is
     * written next to the run's, as {@link #rerunFile}, with its host file.
     */
    static List<BenchmarkResult> check(GateReport report, List<BenchmarkResult> current, RunOptions run,
                                       Duration left, PlatformKey platform, PrintWriter progress)
            throws InputException, UsageException, RunFailedException, IOException {
        Map<BenchmarkId, BenchmarkResult> byId = current.stream()
                .collect(Collectors.toMap(BenchmarkResult::id, Function.identity(), (a, b) -> a));
        int have = report.rows().stream().filter(ComparisonRow::inDoubt)
                .mapToInt(r -> byId.get(r.id()).primary().forkCount()).max().orElse(0);
        // A fork costs what the longest fork of the shapes the doubtful benchmarks were measured with costs.
        List<String> inDoubt = report.rows().stream().filter(ComparisonRow::inDoubt).map(r -> r.id().name())
                .distinct().toList();
        Duration forkCost = Duration.ZERO;
        for (PlannedRuns.Group group : PlannedRuns.withForks(run, inDoubt, 1, current).groups()) {
            Duration fork = group.options().forkTime();
            forkCost = fork.compareTo(forkCost) > 0 ? fork : forkCost;
        }
        // The baseline's forks are fixed: only this run's side grows.
        Optional<Plan> plan = plan(report, have, r -> r.decision().moreForks(), forkCost, left, progress);
        if (plan.isEmpty()) {
            return current;
        }
        RunOptions rerun = run.copy();
        rerun.forks = plan.get().forks();
        rerun.include = plan.get().include();
        rerun.out = rerunFile(run.out);
        // Each benchmark reruns the warm-up and iterations its results were measured with.
        List<String> methods = plan.get().ids().stream().map(BenchmarkId::name).distinct().sorted().toList();
        PlannedRuns.execute(new JmhRunner(progress), PlannedRuns.withForks(rerun, methods, rerun.forks, current),
                rerun.out);
        Hosts.record(rerun.out, new JmhJsonReader().read(rerun.out), platform, progress);
        Set<BenchmarkId> ids = plan.get().ids();
        List<BenchmarkResult> again = new JmhJsonReader().read(rerun.out).stream()
                .filter(r -> ids.contains(r.id())).toList();
        Map<BenchmarkId, BenchmarkResult> pooled = ForkPool.pool(List.of(current, again)).stream()
                .collect(Collectors.toMap(BenchmarkResult::id, Function.identity()));
        return current.stream().map(r -> ids.contains(r.id()) ? pooled.get(r.id()) : r).toList();
    }

    /**
     * The wall time of one more fork, from the settings' own figure ({@code planned}) scaled by how
     * much longer the first run took than its settings said ({@code elapsed} against
     * {@code plannedSeconds}), never scaled down: {@code ab} starts a JMH run per fork and side, whose
     * start-up a plan's fork cost may not include, and a budget must hold on a machine slower than
     * the plan's.
     */
    static Duration measuredForkCost(Duration planned, double plannedSeconds, Duration elapsed) {
        if (!(plannedSeconds > 0)) {
            return planned;
        }
        double ratio = Math.max(1, elapsed.toMillis() / 1000.0 / plannedSeconds);
        return Duration.ofMillis(Math.round(planned.toMillis() * ratio));
    }

    /** Where {@code check --confirm} writes its rerun: {@code results-confirm.json} beside {@code results.json}. */
    static Path rerunFile(Path out) {
        return out.resolveSibling(out.getFileName().toString().replaceFirst("(\\.json)?$", "-confirm.json"));
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f min", Math.max(0, d.toMillis()) / 60_000.0);
    }
}
