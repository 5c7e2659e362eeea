package dev.perfgate.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One metric of one benchmark in one run: JMH's score and error, and the raw per-fork,
 * per-iteration values they were computed from.
 *
 * <p>One JMH fork is one independent sample; iterations inside a fork are not independent.
 * The statistics therefore work on {@link #forkMeans()}, one value per fork.
 *
 * @param unit       JMH unit, e.g. {@code "us/op"}, {@code "ops/s"}, {@code "B/op"}
 * @param score      JMH's score (the mean over all measurement iterations); may be NaN when JMH
 *                   wrote {@code "NaN"}
 * @param scoreError JMH's 99.9% error half-width; NaN when JMH could not compute it (one iteration)
 * @param forks      measurement values, one list per fork with one value per iteration; may be
 *                   empty when the source held only a score (e.g. an old baseline), and is empty
 *                   when the measurement was compacted
 * @param summary    for a measurement whose samples {@code perf-gate history compact} dropped, how many
 *                   forks and iterations they were; null when the samples are kept
 */
public record Measurement(String unit, double score, double scoreError, List<List<Double>> forks, Summary summary) {

    /**
     * What a compacted measurement keeps of its samples: their number.
     *
     * @param forks      forks measured (the number of per-fork lists)
     * @param iterations measurement iterations per fork (the most in any fork)
     */
    public record Summary(int forks, int iterations) {
        public Summary {
            if (forks < 0 || iterations < 0) {
                throw new IllegalArgumentException("forks and iterations must be >= 0 but were " + forks + " and "
                        + iterations);
            }
        }
    }

    public Measurement {
        Objects.requireNonNull(unit, "unit");
        List<List<Double>> copy = new ArrayList<>();
        for (List<Double> fork : forks == null ? List.<List<Double>>of() : forks) {
            copy.add(DoubleList.copyOf(fork));
        }
        forks = List.copyOf(copy);
        if (summary != null && !forks.isEmpty()) {
            throw new IllegalArgumentException("a compacted measurement has no samples");
        }
    }

    /** A measurement with its samples (not compacted). */
    public Measurement(String unit, double score, double scoreError, List<List<Double>> forks) {
        this(unit, score, scoreError, forks, null);
    }

    /** Whether its samples were dropped by compaction, leaving score, error and {@link #summary()}. */
    public boolean compacted() {
        return summary != null;
    }

    /**
     * This measurement without its samples: unit, score and error as they are, and the number of forks
     * and iterations in a {@link Summary}. A compacted measurement is returned as it is.
     */
    public Measurement withoutSamples() {
        return compacted() ? this : new Measurement(unit, score, scoreError, List.of(),
                new Summary(forks.size(), iterationsPerFork()));
    }

    /** The unit's direction: whether bigger or smaller values are better. */
    public Direction direction() {
        return Direction.ofUnit(unit);
    }

    /**
     * One value per fork: the mean of that fork's finite measurement iterations. Forks with no
     * finite value are left out.
     */
    public double[] forkMeans() {
        return forks.stream()
                .mapToDouble(fork -> fork.stream().mapToDouble(Double::doubleValue)
                        .filter(Double::isFinite).average().orElse(Double.NaN))
                .filter(Double::isFinite)
                .toArray();
    }

    /** Number of forks holding at least one value; for a compacted measurement, the forks it had. */
    public int forkCount() {
        return compacted() ? summary.forks() : forkMeans().length;
    }

    /** The largest number of iterations in any fork; for a compacted measurement, as it was. */
    public int iterationsPerFork() {
        return compacted() ? summary.iterations() : forks.stream().mapToInt(List::size).max().orElse(0);
    }

    /**
     * Coefficient of variation of the fork means (sample standard deviation / mean), the
     * fork-to-fork noise; NaN with fewer than two forks.
     */
    public double forkCv() {
        double[] means = forkMeans();
        if (means.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double m : means) {
            mean += m;
        }
        mean /= means.length;
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        return Math.sqrt(ss / (means.length - 1)) / Math.abs(mean);
    }
}
