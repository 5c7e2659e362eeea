package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pools the forks of several runs of the same benchmarks into one result per benchmark, as if one
 * run had made all the forks: the A/B command's per-fork runs, or a check and its confirmation rerun.
 */
public final class ForkPool {

    private ForkPool() {
    }

    /**
     * One result per benchmark with the forks of every run, in run order. The score is the mean of
     * all iterations and the score error is unknown (NaN); a secondary metric is kept only when every
     * run of the benchmark measured it.
     */
    public static List<BenchmarkResult> pool(List<List<BenchmarkResult>> runs) {
        Map<BenchmarkId, List<BenchmarkResult>> byId = new LinkedHashMap<>();
        for (List<BenchmarkResult> results : runs) {
            for (BenchmarkResult r : results) {
                byId.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r);
            }
        }
        List<BenchmarkResult> pooled = new ArrayList<>();
        for (List<BenchmarkResult> all : byId.values()) {
            BenchmarkResult first = all.get(0);
            Map<String, Measurement> secondary = new LinkedHashMap<>();
            for (String metric : first.secondary().keySet()) {
                if (all.stream().allMatch(r -> r.secondary().containsKey(metric))) {
                    secondary.put(metric, poolForks(all.stream().map(r -> r.secondary().get(metric)).toList()));
                }
            }
            pooled.add(new BenchmarkResult(first.id(), poolForks(all.stream().map(BenchmarkResult::primary).toList()),
                    secondary, first.settings()));
        }
        return pooled;
    }

    /**
     * The results of {@code side} whose benchmark has no result in {@code other}: in an A/B fork pair,
     * the benchmarks whose fork failed on the other side, to leave out so that the sides stay paired.
     */
    public static List<BenchmarkResult> unmatched(List<BenchmarkResult> side, List<BenchmarkResult> other) {
        java.util.Set<BenchmarkId> ids = new java.util.HashSet<>();
        other.forEach(r -> ids.add(r.id()));
        return side.stream().filter(r -> !ids.contains(r.id())).toList();
    }

    private static Measurement poolForks(List<Measurement> measurements) {
        List<List<Double>> forks = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.forks() != null) {
                forks.addAll(m.forks());
            }
        }
        double score = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
        return new Measurement(measurements.get(0).unit(), score, Double.NaN, forks);
    }
}
