package dev.perfgate.cli;

import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;
import dev.perfgate.core.report.ConsoleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code perf-gate ab}: same-machine A/B. The forks of the base and the head jar run interleaved,
 * each pair in a random order (base-head or head-base), so that drift and noisy neighbours hit both
 * alike; then the same statistics, reports and exit codes as {@code check}.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Same-machine A/B: runs the benchmarks of two jars (e.g. the base and the head commit's "
                + "benchmarks) with their forks interleaved in a randomized balanced order, then compares "
                + "them with the same statistics and reports as check. Nothing is read from or written to "
                + "baselines/ or history/.",
            "Each side gets the profile's forks; every fork is one JMH run of all selected benchmarks with -f 1. "
                + "The results of every fork are kept under --out's directory, in ab-<side>-<n>.json."})
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
        int forks = run.forkCount();
        if (forks < 1) {
            throw new UsageException("--forks must be >= 1 but was " + forks);
        }
        JmhRunner runner = new JmhRunner(err());
        // Both jars and the selection are checked before the first fork, not after half the run.
        runner.methods(side(baseJar, baseJvmArgs));
        runner.methods(side(headJar, headJvmArgs));
        long orderSeed = seed != null ? seed : new Random().nextLong();
        Random order = new Random(orderSeed);
        Path dir = run.out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        err().println("perf-gate: A/B of " + baseJar + " (base) and " + headJar + " (head), " + forks
                + " forks each, interleaved in random pair order (--seed " + orderSeed + ")");
        List<List<BenchmarkResult>> base = new ArrayList<>();
        List<List<BenchmarkResult>> head = new ArrayList<>();
        interleave(runner, order, run.include, 1, forks, dir, base, head);
        Gate comparison = new Gate(gate.policy());
        GateReport report = comparison.compare(ForkPool.pool(base), ForkPool.pool(head), Map.of());
        if (confirmation.confirm) {
            Duration left = budget.minus(Duration.ofNanos(System.nanoTime() - start));
            // Both sides grow here: forksNeeded is per side.
            Optional<Confirmation.Plan> plan = Confirmation.plan(report, forks,
                    r -> Math.max(0, r.decision().forksNeeded() - forks), run.forkTime().multipliedBy(2), left, err());
            if (plan.isPresent()) {
                interleave(runner, order, plan.get().include(), forks + 1, forks + plan.get().forks(), dir, base, head);
                report = comparison.compare(ForkPool.pool(base), ForkPool.pool(head), Map.of());
            }
        }
        gate.writeReports(report, List.of());
        out().print(ConsoleReport.render(report));
        out().flush();
        return report.fails() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** Runs fork pairs {@code first..last} of the benchmarks matching {@code include}, each pair in random order. */
    private void interleave(JmhRunner runner, Random order, String include, int first, int last, Path dir,
                            List<List<BenchmarkResult>> base, List<List<BenchmarkResult>> head) throws Exception {
        for (int i = first; i <= last; i++) {
            boolean baseFirst = order.nextBoolean();
            for (boolean isBase : baseFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                String side = isBase ? "base" : "head";
                err().println("perf-gate: ab fork " + i + "/" + last + ": " + side);
                err().flush();
                Path out = dir.resolve("ab-" + side + "-" + i + ".json");
                RunOptions options = side(isBase ? baseJar : headJar, isBase ? baseJvmArgs : headJvmArgs);
                options.include = include;
                runner.run(options, out);
                (isBase ? base : head).add(read(out));
            }
        }
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
