package dev.perfgate.cli;

import dev.perfgate.core.stats.RunPlan;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options of commands that run benchmarks. */
final class RunOptions {

    @Option(names = "--benchmarks", paramLabel = "JAR",
            description = "A JMH benchmarks jar to run (default: the bundled kernel benchmarks).")
    Path benchmarksJar;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Run only benchmarks whose name matches this regular expression (JMH's filter). "
                    + "Default: all benchmarks of --benchmarks JAR; of the bundled kernels, the optimized ones "
                    + "(not the *Reference and memoryFloor yardsticks; --include '.*' runs those too).")
    String include;

    @Option(names = "--profile", paramLabel = "PROFILE", converter = ProfileConverter.class,
            description = "quick | standard | thorough | calibrated. calibrated runs each benchmark with the run plan "
                    + "perf-gate calibrate stored in the baseline entries of this host class (benchmarks without one "
                    + "get the standard profile, changed by --forks etc.). Default: calibrated when every selected "
                    + "benchmark has a plan and none of --forks, --warmup-iterations, --iterations, --iteration-time "
                    + "is given; standard otherwise.")
    Profile profile;

    @Option(names = "--forks", paramLabel = "N", description = "Override the profile's forks per benchmark.")
    Integer forks;

    @Option(names = "--warmup-iterations", paramLabel = "N", description = "Override the profile's warm-up iterations.")
    Integer warmupIterations;

    @Option(names = "--iterations", paramLabel = "N", description = "Override the profile's measurement iterations.")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "TIME",
            description = "Override the profile's iteration time, in JMH's syntax, e.g. 500ms or 2s.")
    String iterationTime;

    @Option(names = "--timeout", paramLabel = "TIME",
            description = "JMH's iteration timeout (its -to), in JMH's syntax, e.g. 30s or 2min: an iteration still "
                    + "running this long after it started is interrupted. Default: JMH's (10 min, or the benchmark's "
                    + "@Timeout). A fork quiet for 30 s (or two iteration times) gets a progress line saying what it "
                    + "waits for and when this timeout ends it.")
    String timeout;

    @Option(names = "--jvm-arg", paramLabel = "ARG",
            description = "An argument for the benchmark JVMs (repeatable), e.g. --jvm-arg=-Xmx1g.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/perf-gate/results.json",
            description = "Where to write the JMH JSON results (default: ${DEFAULT-VALUE}).")
    Path out;

    /** JMH arguments for the chosen profile and overrides. */
    List<String> settings() throws UsageException {
        List<String> args = new ArrayList<>(profile().jmhArguments());
        override(args, "-f", forks, 1, "--forks");
        override(args, "-wi", warmupIterations, 0, "--warmup-iterations");
        override(args, "-i", iterations, 1, "--iterations");
        if (iterationTime != null) {
            args.set(args.indexOf("-w") + 1, jmhTime("--iteration-time", iterationTime));
            args.set(args.indexOf("-r") + 1, iterationTime);
        }
        if (timeout != null) {
            args.addAll(List.of("-to", jmhTime("--timeout", timeout)));
        }
        return args;
    }

    /** A copy of these options, to change for a derived run. */
    RunOptions copy() {
        RunOptions copy = new RunOptions();
        copy.benchmarksJar = benchmarksJar;
        copy.include = include;
        copy.profile = profile;
        copy.forks = forks;
        copy.warmupIterations = warmupIterations;
        copy.iterations = iterations;
        copy.iterationTime = iterationTime;
        copy.timeout = timeout;
        copy.jvmArgs = new ArrayList<>(jvmArgs);
        copy.out = out;
        copy.plans = plans;
        return copy;
    }

    /**
     * The run plans of the benchmark methods (JMH names, {@code package.Class.method}) when the
     * calibrated profile was chosen ({@link PlannedRuns#select}); empty otherwise. A method without
     * one runs the fixed settings of {@link #settings()}.
     */
    java.util.Map<String, dev.perfgate.core.stats.RunPlan> plans = java.util.Map.of();

    /** The profile: as given, or {@code standard} until a run decides otherwise. */
    Profile profile() {
        return profile == null ? Profile.STANDARD : profile;
    }

    /** Whether --forks, --warmup-iterations, --iterations or --iteration-time was given. */
    boolean overridesGiven() {
        return forks != null || warmupIterations != null || iterations != null || iterationTime != null;
    }

    /** The forks per benchmark of a run with these options. */
    int forkCount() {
        return forks != null ? forks : profile().forks;
    }

    /**
     * Estimated wall time of one fork of one benchmark: warm-up and measurement iterations plus
     * about half a second to start the fork's JVM (measured with the bundled kernels on a 2-core
     * machine: 60 forks of 6 x 1 s took 6.5 minutes). With run plans, the longest fork of any plan
     * (at its measured fork cost) or of the fixed settings, so that a budget is never overspent.
     */
    Duration forkTime() throws UsageException {
        Duration longest = fixedForkTime();
        for (dev.perfgate.core.stats.RunPlan plan : plans.values()) {
            Duration planned = plan.iterationTime().multipliedBy(plan.warmupIterations() + plan.iterations())
                    .plusMillis(Math.round(plan.forkCostSeconds() * 1000));
            longest = planned.compareTo(longest) > 0 ? planned : longest;
        }
        return longest;
    }

    /** {@link #forkTime()} of the fixed settings. */
    Duration fixedForkTime() throws UsageException {
        List<String> args = settings();
        long iterations = Long.parseLong(args.get(args.indexOf("-wi") + 1)) + Long.parseLong(args.get(args.indexOf("-i") + 1));
        return RunPlan.parseJmhTime(args.get(args.indexOf("-r") + 1)).multipliedBy(iterations).plusMillis(500);
    }

    /** A time in JMH's syntax, checked so that JMH does not fail on it after perf-gate has started. */
    private static String jmhTime(String option, String value) throws UsageException {
        if (!value.matches("0*[1-9]\\d*(ns|us|ms|s|m|min|hr)")) {
            throw new UsageException(option + " must be a positive whole number with a unit, like 500ms "
                    + "or 2s, but was '" + value + "'");
        }
        return value;
    }

    private static void override(List<String> args, String flag, Integer value, int min, String option)
            throws UsageException {
        if (value != null) {
            if (value < min) {
                throw new UsageException(option + " must be >= " + min + " but was " + value);
            }
            args.set(args.indexOf(flag) + 1, String.valueOf(value));
        }
    }

    /** Parses profile names case-insensitively with a helpful error. */
    static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            for (Profile p : Profile.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown profile '" + value + "', expected quick, standard, thorough or calibrated");
        }
    }
}
