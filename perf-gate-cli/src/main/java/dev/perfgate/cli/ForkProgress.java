package dev.perfgate.cli;

import dev.perfgate.core.stats.RunPlan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's console output of one JMH invocation and says where the run stands: one progress
 * line per fork (benchmark i of n, fork f of F, the share of forks done and the time left), and a
 * line when a fork has shown no output for a while (what it waits for, for how long, and the
 * iteration timeout that will end it).
 *
 * <p>The time left is measured, not JMH's nominal estimate: the wall time of the forks so far (from
 * the first fork's start, so JVM start, setup, teardown and slow iterations count) over the forks
 * done, for each fork still to run; the forks left of the benchmark that is running count at that
 * benchmark's own fork time once one of its forks is done, since fork times differ most between
 * benchmarks (a slow {@code @Setup}). Before the first fork ends, nothing is measured and the line
 * says the estimate is nominal (iteration times plus half a second per fork). Later groups of a
 * calibrated run add their expected time ({@link JmhRunner.Stage}).
 *
 * <p>Thread-safe: the output reader and the watchdog that asks {@link #quiet()} call it.
 */
final class ForkProgress {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (.+)$");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)$");
    private static final Pattern FORK = Pattern.compile("^# (Warmup )?Fork: (\\d+) of (\\d+)$");
    private static final Pattern ITERATION = Pattern.compile("^(# Warmup )?Iteration +(\\d+): ?(.*)$");
    /** Quiet for this long (at least) before the first line saying what a fork waits for. */
    static final Duration QUIET = Duration.ofSeconds(30);
    /** JMH's iteration timeout when neither {@code --timeout} nor the benchmark sets one. */
    static final Duration JMH_DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the forks of one JMH invocation run.
     *
     * @param benchmarks         the benchmark names as JMH lists them, for "benchmark i of n"
     * @param totalForks         forks the invocation will run (benchmark runs x forks), >= 1
     * @param nominalForkSeconds a fork's nominal wall time: its iterations plus JVM start
     * @param warmupIterations   warm-up iterations per fork
     * @param iterations         measurement iterations per fork
     * @param iterationTime      the iteration time in JMH's syntax, e.g. {@code 200ms}
     * @param timeout            the iteration timeout given ({@code --timeout}), or null for JMH's
     */
    record Plan(List<String> benchmarks, long totalForks, double nominalForkSeconds, int warmupIterations,
                int iterations, String iterationTime, String timeout) {
        Plan {
            benchmarks = List.copyOf(benchmarks);
            totalForks = Math.max(1, totalForks);
        }

        /** How long a fork may stay quiet before a line says what it waits for: 30 s, or two iterations. */
        Duration quietAfter() {
            Duration twoIterations = RunPlan.parseJmhTime(iterationTime).multipliedBy(2);
            return twoIterations.compareTo(QUIET) > 0 ? twoIterations : QUIET;
        }
    }

    private final Plan plan;
    private final JmhRunner.Stage stage;
    private final LongSupplier nanoTime;

    private String benchmark = "";
    private String params = "";
    private String fork = "";
    private int forkIndex;
    private int forksOfRun;
    private boolean warmupFork;
    private long forksDone;
    private long firstForkStart = -1;
    private long forkStart;
    private long runForkNanos;
    private int runForksDone;
    private String iteration = "";
    private long iterationStart;
    private boolean inIteration;
    private long lastOutput;
    private Duration nextQuiet;

    /**
     * @param nanoTime the clock ({@link System#nanoTime} in a run, a fake one in tests)
     */
    ForkProgress(Plan plan, JmhRunner.Stage stage, LongSupplier nanoTime) {
        this.plan = plan;
        this.stage = stage;
        this.nanoTime = nanoTime;
        this.lastOutput = nanoTime.getAsLong();
        this.nextQuiet = plan.quietAfter();
    }

    /** A complete line of JMH's output; returns what to print, if anything. */
    synchronized Optional<String> line(String line) {
        long now = output();
        Matcher m;
        if ((m = BENCHMARK.matcher(line)).matches()) {
            forkEnded(now);
            benchmark = m.group(1).strip();
            params = "";
            runForkNanos = 0;
            runForksDone = 0;
        } else if ((m = PARAMETERS.matcher(line)).matches()) {
            params = "[" + m.group(1).replace(" = ", "=").replace(", ", ",") + "]";
        } else if ((m = FORK.matcher(line)).matches()) {
            forkEnded(now);
            warmupFork = m.group(1) != null;
            forkIndex = Integer.parseInt(m.group(2));
            forksOfRun = Integer.parseInt(m.group(3));
            fork = (warmupFork ? "warm-up fork " : "fork ") + forkIndex + "/" + forksOfRun;
            forkStart = now;
            if (firstForkStart < 0) {
                firstForkStart = now;
            }
            inIteration = false;
            iteration = "";
            return Optional.of(String.format(Locale.ROOT, "%s  %.0f%% done, %s", where(), percentDone(),
                    timeLeft(now)));
        } else if ((m = ITERATION.matcher(line)).matches()) {
            inIteration = false;
        } else if (line.startsWith("# Run complete.")) {
            forkEnded(now);
            return Optional.of("perf-gate: " + line.substring(2));
        } else if (line.startsWith("<failure>") || line.contains("Exception")) {
            return Optional.of("perf-gate: JMH: " + line);
        }
        return Optional.empty();
    }

    /** The line JMH is printing, not ended yet (an iteration prints its number, then its result when it ends). */
    synchronized void partial(String text) {
        long now = output();
        Matcher m = ITERATION.matcher(text);
        if (m.matches() && m.group(3).isEmpty()) {
            iteration = (m.group(1) != null ? "warm-up iteration " + m.group(2) + " of " + plan.warmupIterations()
                    : "measurement iteration " + m.group(2) + " of " + plan.iterations());
            iterationStart = now;
            inIteration = true;
        }
    }

    /**
     * A line saying what the running fork waits for, when it has shown no output for {@link
     * Plan#quietAfter()} (then again after twice as long each time); empty otherwise.
     */
    synchronized Optional<String> quiet() {
        long now = nanoTime.getAsLong();
        Duration silent = Duration.ofNanos(now - lastOutput);
        if (fork.isEmpty() || silent.compareTo(nextQuiet) < 0) {
            return Optional.empty();
        }
        nextQuiet = nextQuiet.multipliedBy(2);
        String waiting;
        if (inIteration) {
            Duration running = Duration.ofNanos(now - iterationStart);
            Duration timeout = plan.timeout() != null ? RunPlan.parseJmhTime(plan.timeout()) : JMH_DEFAULT_TIMEOUT;
            Duration left = timeout.minus(running);
            String timeoutName = plan.timeout() != null ? "the --timeout of " + plan.timeout()
                    : "JMH's iteration timeout (" + duration(timeout) + " by default; --timeout sets it)";
            waiting = "waiting for " + iteration + " (" + plan.iterationTime() + ") to end, running for "
                    + duration(running) + "; " + timeoutName + (left.isNegative() || left.isZero()
                    ? " has passed: JMH is interrupting it, and a benchmark that ignores interrupts keeps it waiting"
                    : " interrupts it in " + duration(left));
        } else if (iteration.isEmpty()) {
            waiting = "waiting for the fork's JVM to start and begin its first iteration, for "
                    + duration(Duration.ofNanos(now - forkStart));
        } else {
            waiting = "waiting for the fork to finish after " + iteration + " (teardown, JVM exit), for "
                    + duration(silent);
        }
        return Optional.of(where() + ": no output for " + duration(silent) + "; " + waiting + "; "
                + timeLeft(now));
    }

    private long output() {
        long now = nanoTime.getAsLong();
        lastOutput = now;
        nextQuiet = plan.quietAfter();
        return now;
    }

    private void forkEnded(long now) {
        if (!fork.isEmpty()) {
            forksDone++;
            runForkNanos += now - forkStart;
            runForksDone++;
            fork = "";
        }
    }

    private String where() {
        int index = Math.max(1, plan.benchmarks().indexOf(benchmark) + 1);
        int total = plan.benchmarks().size();
        if (!stage.alone()) {
            index += stage.benchmarksBefore();
            total = stage.benchmarksTotal();
        }
        return String.format(Locale.ROOT, "perf-gate: [%d/%d] %s%s %s", index, total, benchmark, params, fork);
    }

    private long totalForks() {
        return Math.max(plan.totalForks(), forksDone + 1);
    }

    private double percentDone() {
        double done = 100.0 * forksDone / totalForks();
        if (stage.alone()) {
            return done;
        }
        double all = stage.secondsBefore() + stage.seconds() + stage.secondsAfter();
        return all > 0 ? 100 * (stage.secondsBefore() + stage.seconds() * done / 100) / all : done;
    }

    /**
     * "ETA hh:mm:ss (measured, ...)" at {@code now}. The running fork takes at least as long as it has
     * run so far; so do the forks of its benchmark still to come.
     */
    private String timeLeft(long now) {
        long left = totalForks() - forksDone;
        double seconds;
        String basis;
        if (forksDone == 0) {
            seconds = left * plan.nominalForkSeconds();
            basis = "nominal, nothing measured yet";
        } else {
            double mean = (forkStart - firstForkStart) / 1e9 / forksDone;
            double running = fork.isEmpty() ? 0 : (now - forkStart) / 1e9;
            double perFork = Math.max(runForksDone > 0 ? runForkNanos / 1e9 / runForksDone : mean, running);
            long ofBenchmark = fork.isEmpty() ? 0 : Math.min(left, forksOfRun - forkIndex + 1);
            seconds = ofBenchmark * perFork - running + (left - ofBenchmark) * mean;
            basis = String.format(Locale.ROOT, "measured, %.1f s a fork", mean);
        }
        if (!stage.alone()) {
            seconds += stage.secondsAfter();
        }
        return "ETA " + clock(seconds) + " (" + basis + ")";
    }

    /** {@code hh:mm:ss}. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** {@code 45 s}, {@code 9 min 30 s}, {@code 10 min}. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
