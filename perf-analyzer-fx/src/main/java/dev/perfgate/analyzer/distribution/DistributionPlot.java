package dev.perfgate.analyzer.distribution;

import java.util.List;
import java.util.Objects;

/**
 * What the distributions chart draws for one benchmark metric: every fork of the base and of the
 * current side with its measurement iterations in order and its mean, outlier forks flagged.
 *
 * @param title   the benchmark and metric
 * @param unit    unit of every value
 * @param forks   base forks first, then current forks
 * @param summary one line per side: forks, iterations, fork-to-fork variation, outliers
 */
public record DistributionPlot(String title, String unit, List<Fork> forks, List<String> summary) {

    public DistributionPlot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        forks = List.copyOf(forks);
        summary = List.copyOf(summary);
    }

    /** Which side a fork belongs to. */
    public enum Side {
        BASE("baseline"), CURRENT("current");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One fork.
     *
     * @param side       base or current
     * @param index      1-based fork number within its side
     * @param iterations measurement iteration values in order (warm-up iterations are not recorded)
     * @param mean       mean of the finite iterations (the sample the statistics use)
     * @param outlier    whether the mean lies outside Tukey's fences (1.5 IQR) of its side's fork means
     */
    public record Fork(Side side, int index, List<Double> iterations, double mean, boolean outlier) {
        public Fork {
            iterations = List.copyOf(iterations);
        }
    }

    /** The forks of one side. */
    public List<Fork> forks(Side side) {
        return forks.stream().filter(f -> f.side() == side).toList();
    }
}
