package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.RunSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic JMH results: each fork's mean is {@code level * exp(N(0, forkNoise))}, each of
 * its iterations that mean times {@code 1 + N(0, 0.005)}.
 */
final class SyntheticResults {

    static final int ITERATIONS = 5;
    static final double ITERATION_NOISE = 0.005;

    private final SplittableRandom random;

    SyntheticResults(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Per-fork iteration values around {@code level}. */
    List<List<Double>> forks(int count, double level, double forkNoise) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            double forkMean = level * Math.exp(forkNoise * random.nextGaussian());
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                iterations.add(forkMean * (1 + ITERATION_NOISE * random.nextGaussian()));
            }
            forks.add(iterations);
        }
        return forks;
    }

    static BenchmarkId id(String name, Mode mode) {
        return BenchmarkId.of("dev.perfgate.bench." + name, mode, Map.of());
    }

    static Measurement measurement(String unit, List<List<Double>> forks) {
        double score = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
        return new Measurement(unit, score, Double.NaN, forks);
    }

    static BenchmarkResult result(BenchmarkId id, String unit, List<List<Double>> forks) {
        return new BenchmarkResult(id, measurement(unit, forks), Map.of(), RunSettings.UNKNOWN);
    }

    static BenchmarkResult result(BenchmarkId id, Measurement primary, Map<String, Measurement> secondary) {
        return new BenchmarkResult(id, primary, secondary, RunSettings.UNKNOWN);
    }
}
