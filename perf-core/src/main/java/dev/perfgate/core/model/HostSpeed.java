package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The host speed probe's measurements: a few fixed micro-measurements that tell how fast a host
 * is at what the kernels depend on, made in a JVM started with the benchmark JVM's flags. Two
 * hosts of one {@link HostClass} can still differ in clock, caches and memory; a probe that moved
 * by more than its own noise between a baseline and a run explains a shift that is not the code's.
 *
 * <p>Every probe is a time per unit of work (smaller is faster), the median of several trials:
 * {@code scalar_chain} ns per step of a dependent integer multiply-add chain (clock and latency),
 * {@code vector_fma} ns per float of a fused multiply-add loop the JIT vectorizes (vector width and
 * throughput), {@code read_l1}, {@code read_l2}, {@code read_l3}, {@code read_memory} ns per KiB
 * summed from arrays of 16 KiB, 256 KiB, 4 MiB and 256 MiB (cache and memory bandwidth).
 *
 * @param probes by probe name, sorted
 */
public record HostSpeed(Map<String, Probe> probes) {

    /** Relative change below which a probe is never said to have moved, whatever its own spread. */
    public static final double MIN_MOVE = 0.10;

    /** How many combined spreads a change must exceed to be reported. */
    public static final double SPREADS = 3;

    public HostSpeed {
        probes = Collections.unmodifiableSortedMap(new TreeMap<>(probes));
    }

    /** The probe's names in reports. */
    private static final Map<String, String> LABELS = Map.of(
            "scalar_chain", "scalar dependency-chain",
            "vector_fma", "vector FMA",
            "read_l1", "L1-cache read",
            "read_l2", "L2-cache read",
            "read_l3", "L3-cache read",
            "read_memory", "memory read");

    /**
     * One probe's result.
     *
     * @param nanos  median time per unit of work, in nanoseconds, > 0
     * @param spread relative median absolute deviation of the trials (0.02 is 2%), >= 0
     */
    public record Probe(double nanos, double spread) {
        public Probe {
            if (!(nanos > 0) || !(spread >= 0) || Double.isInfinite(nanos) || Double.isInfinite(spread)) {
                throw new IllegalArgumentException("nanos must be > 0 and spread >= 0, finite, but were "
                        + nanos + " and " + spread);
            }
        }
    }

    /**
     * The probes that moved by more than their noise since a base measurement, as sentences such as
     * {@code "this host runs the vector FMA probe 9% faster than the baseline's host"}. A probe
     * moved when its change exceeds both {@value #MIN_MOVE} and {@value #SPREADS} times the two
     * measurements' spreads combined.
     *
     * @param base  the other host's probe
     * @param there whose host the other one is, e.g. {@code "the baseline's host"}
     */
    public List<String> movedFrom(HostSpeed base, String there) {
        List<String> out = new ArrayList<>();
        probes.forEach((name, here) -> {
            Probe before = base.probes.get(name);
            if (before == null) {
                return;
            }
            double ratio = here.nanos / before.nanos;
            double noise = SPREADS * Math.hypot(here.spread, before.spread);
            double change = Math.abs(Math.log(ratio));
            if (change > Math.log1p(MIN_MOVE) && change > noise) {
                double pct = ratio < 1 ? (1 / ratio - 1) * 100 : (ratio - 1) * 100;
                out.add(String.format(Locale.ROOT, "this host runs the %s probe %.0f%% %s than %s",
                        LABELS.getOrDefault(name, name), pct, ratio < 1 ? "faster" : "slower", there));
            }
        });
        return out;
    }
}
