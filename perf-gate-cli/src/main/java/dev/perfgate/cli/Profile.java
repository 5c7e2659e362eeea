package dev.perfgate.cli;

import java.util.List;

/**
 * How much measuring a run does. One fork is one independent sample for the statistics, so the
 * profiles differ mostly in forks.
 *
 * <ul>
 *   <li>{@code quick}: a smoke run (1 fork): shows the benchmarks work; too few forks for a verdict.</li>
 *   <li>{@code standard}: the default (in CI too) until the host's class has run plans; 20 forks of 2 x 1 s warm-up and 4 x 1 s measurement. Forks,
 *       not iterations, carry the statistics: 20 per side detect a 5% change at up to about 5%
 *       fork-to-fork noise, and the three kernels take about 7 minutes on a 2-core machine.</li>
 *   <li>{@code thorough}: 20 forks of 5 x 1 s warm-up and 10 x 1 s measurement, for baselines and
 *       investigations.</li>
 *   <li>{@code calibrated}: each benchmark's run plan, which {@code perf-gate calibrate} chose from its
 *       measured noise and stored with its baseline entry (see {@link PlannedRuns}); a benchmark
 *       without a plan gets {@code standard}'s settings, which are this constant's.</li>
 * </ul>
 * Every profile measures allocation with JMH's GC profiler ({@code -prof gc}) for the allocation gate.
 */
enum Profile {
    QUICK(1, 1, 2, "1s"),
    STANDARD(20, 2, 4, "1s"),
    THOROUGH(20, 5, 10, "1s"),
    CALIBRATED(20, 2, 4, "1s");

    final int forks;
    final int warmupIterations;
    final int iterations;
    final String iterationTime;

    Profile(int forks, int warmupIterations, int iterations, String iterationTime) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.iterations = iterations;
        this.iterationTime = iterationTime;
    }

    /** Whether the benchmarks run their own run plans rather than this profile's settings. */
    boolean planned() {
        return this == CALIBRATED;
    }

    /** The name as the command line takes it, e.g. {@code standard}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** JMH command-line arguments for this profile (for {@code calibrated}: those of a benchmark without a plan). */
    List<String> jmhArguments() {
        return List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations), "-w", iterationTime,
                "-i", String.valueOf(iterations), "-r", iterationTime);
    }
}
