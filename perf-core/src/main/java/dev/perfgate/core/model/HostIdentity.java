package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a host is, as far as benchmark scores are concerned, measured with the benchmark JVM's own
 * flags: its {@link HostClass} (the stable part a baseline is kept per), and the details that vary
 * within a class and are reported, not matched: the JDK build, the JVM flags that shape code and
 * memory (vector width, GC, heap), cache sizes and the {@link HostSpeed speed probe}.
 *
 * @param hostClass the stable part
 * @param jdkBuild  the JVM's full version, e.g. {@code 17.0.15+6-Debian-1deb12u1}; empty when unknown
 * @param vmFlags   final values of the JVM flags that matter ({@link #FLAGS}), as the JVM printed them
 * @param caches    cache sizes as the OS reports them, e.g. {@code L1d 48 KiB, L2 1 MiB, L3 32 MiB}; empty when unknown
 * @param speed     the speed probe, or null when it could not run
 */
public record HostIdentity(HostClass hostClass, String jdkBuild, Map<String, String> vmFlags, String caches,
                           HostSpeed speed) {

    /** The JVM flags recorded: those that change generated code, object layout or memory management. */
    public static final List<String> FLAGS = List.of("UseAVX", "UseSSE", "MaxVectorSize", "UseSVE", "UseFMA",
            "UseSuperWord", "UseG1GC", "UseParallelGC", "UseSerialGC", "UseZGC", "UseShenandoahGC", "UseEpsilonGC",
            "MaxHeapSize", "InitialHeapSize", "UseCompressedOops", "ObjectAlignmentInBytes", "TieredCompilation");

    public HostIdentity {
        Objects.requireNonNull(hostClass, "hostClass");
        jdkBuild = jdkBuild == null ? "" : jdkBuild;
        caches = caches == null ? "" : caches;
        vmFlags = Collections.unmodifiableSortedMap(new TreeMap<>(vmFlags));
    }

    /**
     * Why verdicts between results measured on two hosts are advice rather than verdicts that may
     * fail a build; empty when they may fail one, the same rule as {@code perf-gate check}'s.
     * <ul>
     *   <li>Both hosts known: their classes decide (platform, instruction set, vector width, cores,
     *       JDK feature version), not the CPU's model name, which differs between runners of one class.</li>
     *   <li>One known, the other not (a baseline of schema 1, a run recorded before host classes,
     *       results without a host file): advice, since nothing shows the unknown one is of the class.</li>
     *   <li>Neither known (two old runs, two plain JMH files): the fingerprints, as before host
     *       classes: a different CPU model name (where both give one) or JDK feature version.</li>
     * </ul>
     *
     * @param there what to call the base side, e.g. {@code "the baseline"}
     */
    public static String advisoryReason(HostIdentity current, Fingerprint currentJvm, HostIdentity base,
                                        Fingerprint baseJvm, String there) {
        if (current != null && base != null) {
            List<String> differ = current.hostClass().differencesFrom(base.hostClass(), there);
            return differ.isEmpty() ? "" : "measured on different host classes: " + String.join("; ", differ);
        }
        if (current != null || base != null) {
            return "no host class recorded " + (base == null ? "for " + there : "here") + ", so nothing shows "
                    + "that both sides ran on hosts of one class";
        }
        List<String> differ = new ArrayList<>();
        if (!currentJvm.cpuModel().isEmpty() && !baseJvm.cpuModel().isEmpty()
                && !currentJvm.cpuModel().equals(baseJvm.cpuModel())) {
            differ.add("CPU " + currentJvm.cpuModel() + " here, " + baseJvm.cpuModel() + " in " + there);
        }
        int here = currentJvm.jdkFeatureVersion();
        int was = baseJvm.jdkFeatureVersion();
        if (here != 0 && was != 0 && here != was) {
            differ.add("JDK " + here + " here, JDK " + was + " in " + there);
        }
        return String.join("; ", differ);
    }

    /**
     * What changed in the environment from one run's host to the next's, when anything did: the JDK
     * build, or speed probes that moved beyond their noise (e.g. {@code "JDK build 17.0.15+6 ->
     * 17.0.16+8"}); empty when nothing did or either host is unknown (null). A change point at such a
     * run may be the environment's, not the code's.
     */
    public static Optional<String> environmentChange(HostIdentity before, HostIdentity after) {
        if (before == null || after == null) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        if (!before.jdkBuild.isEmpty() && !after.jdkBuild.isEmpty() && !before.jdkBuild.equals(after.jdkBuild)) {
            changes.add("JDK build " + before.jdkBuild + " -> " + after.jdkBuild);
        }
        if (before.speed != null && after.speed != null) {
            changes.addAll(after.speed.movedFrom(before.speed, "the run before"));
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", changes));
    }

    /** The garbage collector the flags select, e.g. {@code G1}; empty when unknown. */
    public String gc() {
        for (String gc : List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon")) {
            if ("true".equals(vmFlags.get("Use" + gc + "GC"))) {
                return gc;
            }
        }
        return "";
    }

    /**
     * What differs from another identity beyond the class, e.g. {@code "JVM flag MaxHeapSize:
     * 6320816128 (baseline) vs 1073741824 (current)"}, and the probes that moved.
     *
     * @param base the baseline's identity
     */
    public List<String> detailsDifferingFrom(HostIdentity base) {
        List<String> out = new ArrayList<>();
        if (!jdkBuild.isEmpty() && !base.jdkBuild.isEmpty() && !jdkBuild.equals(base.jdkBuild)) {
            out.add("JDK build: " + base.jdkBuild + " (baseline) vs " + jdkBuild + " (current)");
        }
        for (String flag : FLAGS) {
            String was = base.vmFlags.get(flag);
            String now = vmFlags.get(flag);
            if (was != null && now != null && !was.equals(now)) {
                out.add("JVM flag " + flag + ": " + was + " (baseline) vs " + now + " (current)");
            }
        }
        if (!caches.isEmpty() && !base.caches.isEmpty() && !caches.equals(base.caches)) {
            out.add("caches: " + base.caches + " (baseline) vs " + caches + " (current)");
        }
        if (speed != null && base.speed != null) {
            out.addAll(speed.movedFrom(base.speed, "the baseline's host"));
        }
        return out;
    }
}
