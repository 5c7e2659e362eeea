package dev.perfgate.analyzer.trend;

import dev.perfgate.core.model.BenchmarkId;

import java.util.List;
import java.util.Objects;

/**
 * The benchmarks of one benchmark class, as the benchmark tree shows them.
 *
 * @param className  the class's full name, e.g. {@code dev.perfgate.kernels.CosineSimilarityBenchmark}
 * @param benchmarks its benchmarks, sorted by identity
 */
public record BenchmarkGroup(String className, List<BenchmarkId> benchmarks) {

    public BenchmarkGroup {
        Objects.requireNonNull(className, "className");
        benchmarks = List.copyOf(benchmarks);
    }

    /** The class's simple name, e.g. {@code CosineSimilarityBenchmark}. */
    public String simpleName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** The class part of a benchmark's name: everything before the method. */
    public static String classOf(BenchmarkId id) {
        int dot = id.name().lastIndexOf('.');
        return dot < 0 ? id.name() : id.name().substring(0, dot);
    }

    /** A benchmark's label under its class: {@code method[k=v] (mode)}. */
    public static String leafLabel(BenchmarkId id) {
        int dot = id.name().lastIndexOf('.');
        String method = dot < 0 ? id.name() : id.name().substring(dot + 1);
        return (id.params().isEmpty() ? method : method + "[" + id.paramsText() + "]") + " (" + id.mode().label() + ")";
    }
}
