package dev.perfgate.core.model;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A benchmark's identity: its JMH name ({@code package.Class.method}), its mode and its
 * parameters. One method run in two modes, or with two parameter sets, is two benchmarks.
 *
 * <p>Example: {@code new BenchmarkId("dev.perfgate.kernels.CosineSimilarityBenchmark.batch",
 * Mode.AVERAGE_TIME, Map.of("dim", "768"))} displays as
 * {@code dev.perfgate.kernels.CosineSimilarityBenchmark.batch[dim=768]}.
 *
 * @param name   JMH benchmark name, non-blank
 * @param mode   JMH mode
 * @param params parameter values by name; stored sorted by key, never null
 */
public record BenchmarkId(String name, Mode mode, SortedMap<String, String> params)
        implements Comparable<BenchmarkId> {

    private static final Comparator<BenchmarkId> ORDER = Comparator
            .comparing(BenchmarkId::name)
            .thenComparing(BenchmarkId::paramsText)
            .thenComparing(BenchmarkId::mode);

    public BenchmarkId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        params = java.util.Collections.unmodifiableSortedMap(params);
    }

    /** Convenience constructor taking any map of params. */
    public static BenchmarkId of(String name, Mode mode, Map<String, String> params) {
        return new BenchmarkId(name, mode, params == null ? null : new TreeMap<>(params));
    }

    /** {@code k=v,k2=v2} with keys sorted; empty when there are no params. */
    public String paramsText() {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** {@code Name.method[k=v,k2=v2]}, without the mode. */
    public String display() {
        return params.isEmpty() ? name : name + "[" + paramsText() + "]";
    }

    /** {@code Name.method[k=v] (avgt)}: the display name with the mode, for files mixing modes. */
    public String displayWithMode() {
        return display() + " (" + mode.label() + ")";
    }

    /** The part of the name after the last dot but one: {@code Class.method}. */
    public String shortName() {
        int last = name.lastIndexOf('.');
        int previous = last > 0 ? name.lastIndexOf('.', last - 1) : -1;
        String shortName = previous >= 0 ? name.substring(previous + 1) : name;
        return params.isEmpty() ? shortName : shortName + "[" + paramsText() + "]";
    }

    @Override
    public int compareTo(BenchmarkId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return displayWithMode();
    }
}
