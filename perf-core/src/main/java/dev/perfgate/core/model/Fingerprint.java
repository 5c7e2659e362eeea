package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run's numbers depend on besides the code: the machine and the JVM, as the run describes
 * them. Two runs with different fingerprints are compared all the same, and every report lists what
 * differs; whether the verdicts may fail a build is decided by the hosts' classes
 * ({@link HostIdentity#advisoryReason}).
 *
 * @param cpuModel     CPU model name as the OS reports it, e.g. {@code "AMD EPYC 9R14"}
 * @param logicalCores logical processors available to the JVM, at least 1 (0 when unknown)
 * @param jdkVendor    e.g. {@code "Eclipse Adoptium"}
 * @param jdkVersion   e.g. {@code "17.0.15"}
 * @param jvmFlags     JVM arguments the benchmarks ran with
 * @param osName       e.g. {@code "Linux"}
 * @param osVersion    e.g. {@code "6.1.0-18-amd64"}
 */
public record Fingerprint(String cpuModel, int logicalCores, String jdkVendor, String jdkVersion,
                          List<String> jvmFlags, String osName, String osVersion) {

    public Fingerprint {
        cpuModel = nonNull(cpuModel);
        jdkVendor = nonNull(jdkVendor);
        jdkVersion = nonNull(jdkVersion);
        osName = nonNull(osName);
        osVersion = nonNull(osVersion);
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        if (logicalCores < 0) {
            throw new IllegalArgumentException("logicalCores must be >= 0 but was " + logicalCores);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The JDK feature version ({@code 17} of {@code "17.0.15"}, {@code 8} of {@code "1.8.0_402"}); 0 when unknown. */
    public int jdkFeatureVersion() {
        String v = jdkVersion.startsWith("1.") ? jdkVersion.substring(2) : jdkVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, Math.min(end, 9)));
    }

    /**
     * Human-readable differences from another fingerprint, e.g.
     * {@code "CPU: AMD EPYC 9R14 (baseline) vs Apple M1 Pro (current)"}; empty when they match.
     *
     * @param base the baseline's fingerprint; this one is the current run's
     */
    public List<String> differencesFrom(Fingerprint base) {
        Objects.requireNonNull(base, "base");
        List<String> out = new ArrayList<>();
        diff(out, "CPU", base.cpuModel, cpuModel);
        diff(out, "logical cores", base.logicalCores == 0 ? "" : String.valueOf(base.logicalCores),
                logicalCores == 0 ? "" : String.valueOf(logicalCores));
        diff(out, "JDK vendor", base.jdkVendor, jdkVendor);
        diff(out, "JDK", base.jdkVersion, jdkVersion);
        diff(out, "JVM flags", String.join(" ", base.jvmFlags), String.join(" ", jvmFlags));
        diff(out, "OS", (base.osName + " " + base.osVersion).strip(), (osName + " " + osVersion).strip());
        return out;
    }

    private static void diff(List<String> out, String what, String base, String current) {
        if (!base.isEmpty() && !current.isEmpty() && !base.equals(current)) {
            out.add(what + ": " + base + " (baseline) vs " + current + " (current)");
        }
    }
}
