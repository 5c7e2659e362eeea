package dev.perfgate.core.model;

import java.util.List;

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
 */
public record RunSettings(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                          List<String> jvmArgs, int threads, int forks, int warmupIterations,
                          int measurementIterations) {

    /** Settings about which nothing is known. */
    public static final RunSettings UNKNOWN = new RunSettings("", "", "", "", "", List.of(), 1, 0, 0, 0);

    public RunSettings {
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
