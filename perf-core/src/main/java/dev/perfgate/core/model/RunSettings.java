package dev.perfgate.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How JMH ran a benchmark, as JMH recorded it. Text fields are empty strings when the source
 * did not say (JMH files before 1.20 have no {@code jmhVersion}).
 *
 * @param jmhVersion            JMH version, e.g. {@code "1.37"}, or empty
 * @param jvm                   path of the JVM that ran the forks
 * @param jdkVersion            its version, e.g. {@code "17.0.15"}
 * @param vmName                e.g. {@code "OpenJDK 64-Bit Server VM"}
 * @param vmVersion             e.g. {@code "17.0.15+6-Debian-1deb12u1"}
 * @param jvmArgs               arguments the forks were started with
 * @param threads               benchmark threads, at least 1
 * @param forks                 forks requested
 * @param warmupIterations      warm-up iterations per fork
 * @param measurementIterations measurement iterations per fork
 * @param warmupTime            time of a warm-up iteration; zero when unknown
 * @param measurementTime       time of a measurement iteration; zero when unknown (or single-shot)
 */
public record RunSettings(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                          List<String> jvmArgs, int threads, int forks, int warmupIterations,
                          int measurementIterations, Duration warmupTime, Duration measurementTime) {

    /** Settings about which nothing is known. */
    public static final RunSettings UNKNOWN = new RunSettings("", "", "", "", "", List.of(), 1, 0, 0, 0);

    /** Settings whose iteration times are unknown. */
    public RunSettings(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                       List<String> jvmArgs, int threads, int forks, int warmupIterations, int measurementIterations) {
        this(jmhVersion, jvm, jdkVersion, vmName, vmVersion, jvmArgs, threads, forks, warmupIterations,
                measurementIterations, Duration.ZERO, Duration.ZERO);
    }

    public RunSettings {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementTime, "measurementTime");
        jmhVersion = nonNull(jmhVersion);
        jvm = nonNull(jvm);
        jdkVersion = nonNull(jdkVersion);
        vmName = nonNull(vmName);
        vmVersion = nonNull(vmVersion);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
