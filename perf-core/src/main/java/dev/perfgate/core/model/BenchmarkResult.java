package dev.perfgate.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All that one run measured of one benchmark: the primary metric and any secondary metrics
 * (from profilers such as {@code -prof gc}), keyed by their normalised name.
 *
 * <p>Secondary metric names are normalised by dropping JMH's {@code "\u00b7"} prefix, so
 * {@code "\u00b7gc.alloc.rate.norm"} (older JMH) and {@code "gc.alloc.rate.norm"} are the same metric.
 *
 * @param id        the benchmark's identity
 * @param primary   the primary metric
 * @param secondary secondary metrics by normalised name; sorted, never null
 * @param settings  how JMH ran it
 */
public record BenchmarkResult(BenchmarkId id, Measurement primary, Map<String, Measurement> secondary,
                              RunSettings settings) {

    /** JMH's GC profiler metric for bytes allocated per operation. */
    public static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";
    /** The unit JMH gives {@link #ALLOCATION_METRIC} in. */
    public static final String ALLOCATION_UNIT = "B/op";

    public BenchmarkResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(settings, "settings");
        TreeMap<String, Measurement> normalised = new TreeMap<>();
        if (secondary != null) {
            secondary.forEach((name, m) -> normalised.put(normaliseMetricName(name), m));
        }
        secondary = java.util.Collections.unmodifiableSortedMap(normalised);
    }

    /** Drops JMH's {@code "\u00b7"} prefix and surrounding blanks from a secondary metric name. */
    public static String normaliseMetricName(String name) {
        String trimmed = name.strip();
        while (trimmed.startsWith("\u00b7")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    /** Bytes allocated per operation, when the run used JMH's GC profiler. */
    public Optional<Measurement> allocation() {
        return Optional.ofNullable(secondary.get(ALLOCATION_METRIC));
    }
}
