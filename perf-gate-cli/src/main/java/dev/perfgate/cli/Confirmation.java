package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code check --confirm}: reruns the benchmarks whose first verdict is a regression, or worse than
 * the threshold but not significant, with more forks, and pools the new forks with the first run's
 * so that the gate decides on all of them. Benchmarks that looked fine are not rerun.
 *
 * <p>How many forks: the most any doubtful benchmark needs to decide its threshold (from its
 * calibrated noise when the baseline has it), less the forks it has, and at least as many as the
 * first run had, so that a confirmation is never weaker than what it confirms; then cut to what
 * the time left in the budget allows. With less time than two forks per benchmark, nothing is
 * rerun and the first run decides, which the progress output says.
 */
final class Confirmation {

    private final RunOptions run;
    private final PrintWriter progress;

    Confirmation(RunOptions run, PrintWriter progress) {
        this.run = run;
        this.progress = progress;
    }

    /**
     * Reruns the doubtful benchmarks within {@code left} and returns {@code current} with their
     * forks pooled with the rerun's.
     */
    List<BenchmarkResult> confirm(GateReport report, List<BenchmarkResult> current, Duration left)
            throws InputException, UsageException, RunFailedException, IOException {
        List<ComparisonRow> doubtful = report.rows().stream().filter(ComparisonRow::inDoubt).toList();
        if (doubtful.isEmpty()) {
            progress.println("perf-gate: --confirm: no benchmark looks regressed or inconclusive; nothing to rerun");
            return current;
        }
        Map<BenchmarkId, BenchmarkResult> byId = current.stream()
                .collect(Collectors.toMap(BenchmarkResult::id, Function.identity(), (a, b) -> a));
        int have = doubtful.stream().mapToInt(r -> byId.get(r.id()).primary().forkCount()).max().orElse(0);
        int needed = doubtful.stream().mapToInt(r -> r.decision().forksNeeded()).max().orElse(0);
        int wanted = Math.max(Math.max(have, run.forkCount()), needed - have);
        Set<String> methods = doubtful.stream().map(r -> r.id().name())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        long forkMillis = run.forkTime().toMillis() * methods.size();
        int affordable = (int) Math.min(Integer.MAX_VALUE, Math.max(0, left.toMillis()) / Math.max(1, forkMillis));
        String names = doubtful.stream().map(r -> r.id().display()).collect(Collectors.joining(", "));
        if (affordable < 2) {
            progress.println("perf-gate: --confirm: " + names + " in doubt, but the time left in --max-time ("
                    + minutes(left) + ") is less than 2 more forks; the first run decides");
            return current;
        }
        int forks = Math.min(wanted, affordable);
        progress.println("perf-gate: --confirm: " + names + " in doubt; rerunning " + methods.size()
                + " benchmark method" + (methods.size() == 1 ? "" : "s") + " with " + forks + " more forks (about "
                + minutes(Duration.ofMillis(forkMillis * forks)) + " of the " + minutes(left) + " left)"
                + (forks < wanted ? "; " + wanted + " would be needed to decide, more than the budget allows" : ""));
        progress.flush();

        RunOptions rerun = run.copy();
        rerun.forks = forks;
        rerun.include = methods.stream().map(m -> Pattern.quote(m)).collect(Collectors.joining("|", "^(", ")$"));
        String name = run.out.getFileName().toString();
        rerun.out = run.out.resolveSibling(name.replaceFirst("(\\.json)?$", "-confirm.json"));
        new JmhRunner(progress).run(rerun, rerun.out);
        List<BenchmarkResult> again = new JmhJsonReader().read(rerun.out);

        Set<BenchmarkId> ids = doubtful.stream().map(ComparisonRow::id).collect(Collectors.toSet());
        Map<BenchmarkId, BenchmarkResult> pooled = ForkPool.pool(List.of(current,
                        again.stream().filter(r -> ids.contains(r.id())).toList())).stream()
                .collect(Collectors.toMap(BenchmarkResult::id, Function.identity()));
        return current.stream().map(r -> ids.contains(r.id()) ? pooled.get(r.id()) : r).toList();
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f min", d.toMillis() / 60_000.0);
    }
}
