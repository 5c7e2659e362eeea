package dev.perfgate.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --confirm} and its budget, for {@code check} and {@code ab}. */
final class ConfirmOptions {

    @Option(names = "--confirm",
            description = "Rerun the benchmarks whose verdict more forks could change (regressed, or inconclusive "
                    + "with an estimate or interval beyond the threshold) with more forks and decide on "
                    + "all their forks before failing: the forks the calibrated noise (or this run's) says are "
                    + "needed, at least as many as the first run, within --max-time.")
    boolean confirm;

    @Option(names = "--max-time", paramLabel = "DURATION",
            description = "Time budget of --confirm, the first run included: the reruns get what is left "
                    + "(default: 10m for check, 30m for ab, whose first run measures both sides); e.g. 90s, 20m, 1h.")
    String maxTime;

    /** The budget: --max-time, or the command's default. */
    Duration budget(Duration defaultBudget) throws UsageException {
        return maxTime == null ? defaultBudget : CommandSupport.duration("--max-time", maxTime);
    }

    /** Warns that --max-time has no effect without --confirm. */
    void warnIfIgnored(java.io.PrintWriter err) {
        if (maxTime != null && !confirm) {
            err.println("perf-gate: warning: --max-time only limits --confirm and is ignored without it");
        }
    }
}
