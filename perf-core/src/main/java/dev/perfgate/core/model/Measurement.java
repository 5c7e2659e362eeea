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
 *                   empty when the source held only a score (e.g. an old baseline)
 */
public record Measurement(String unit, double score, double scoreError, List<List<Double>> forks) {

    public Measurement {
        Objects.requireNonNull(unit, "unit");
        List<List<Double>> copy = new ArrayList<>();
        for (List<Double> fork : forks == null ? List.<List<Double>>of() : forks) {
            copy.add(DoubleList.copyOf(fork));
        }
        forks = List.copyOf(copy);
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

    /** Number of forks holding at least one value. */
    public int forkCount() {
        return forkMeans().length;
    }

    /** The largest number of iterations in any fork. */
    public int iterationsPerFork() {
        return forks.stream().mapToInt(List::size).max().orElse(0);
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
