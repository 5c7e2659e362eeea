package dev.perfgate.core.history;

import dev.perfgate.core.stats.MannWhitney;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the points in a series of run scores where the level shifted: binary segmentation. In a
 * segment, the candidate split is the one, among those leaving at least {@code minSegment} points
 * on each side, with the largest two-sample t statistic (the classic locator of a mean shift:
 * the true step maximises it). It is accepted when the Mann-Whitney U test between the two sides,
 * Bonferroni-corrected for the number of splits considered, is below {@code alpha} and the medians
 * differ by at least {@code minShift}; then both halves are searched again.
 *
 * <p>Significance is rank-based, so a single outlier run does not make a step, and
 * distribution-free, so it holds for skewed timing data. It needs at least {@code 2 * minSegment}
 * runs; with the defaults, 8.
 */
public final class ChangePoints {

    /** A level shift: the first run at the new level, and the medians before and after. */
    public record ChangePoint(int index, double before, double after, double pValue) {
        /** Relative shift of the median, {@code after / before - 1}. */
        public double shift() {
            return after / before - 1;
        }
    }

    private final int minSegment;
    private final double alpha;
    private final double minShift;

    /**
     * @param minSegment fewest runs on each side of a change point, at least 2
     * @param alpha      family-wise significance per segment, in (0, 1)
     * @param minShift   smallest relative shift of the median reported, >= 0 (0.02 = 2%)
     */
    public ChangePoints(int minSegment, double alpha, double minShift) {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be >= 2 but was " + minSegment);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
        }
        if (!(minShift >= 0)) {
            throw new IllegalArgumentException("minShift must be >= 0 but was " + minShift);
        }
        this.minSegment = minSegment;
        this.alpha = alpha;
        this.minShift = minShift;
    }

    /** Defaults: 4 runs per side, alpha 0.05, shifts of at least 2%. */
    public static ChangePoints defaults() {
        return new ChangePoints(4, 0.05, 0.02);
    }

    /** The change points of a series, in index order. */
    public List<ChangePoint> detect(double[] series) {
        List<ChangePoint> found = new ArrayList<>();
        search(series, 0, series.length, found);
        found.sort(Comparator.comparingInt(ChangePoint::index));
        return found;
    }

    /** |mean(right) - mean(left)| / (pooled sd * sqrt(1/nl + 1/nr)); infinite for a noise-free step. */
    private static double tStatistic(double[] series, int from, int k, int to) {
        int nl = k - from;
        int nr = to - k;
        double ml = mean(series, from, k);
        double mr = mean(series, k, to);
        double ss = 0;
        for (int i = from; i < k; i++) {
            ss += (series[i] - ml) * (series[i] - ml);
        }
        for (int i = k; i < to; i++) {
            ss += (series[i] - mr) * (series[i] - mr);
        }
        double se = Math.sqrt(ss / (nl + nr - 2) * (1.0 / nl + 1.0 / nr));
        double diff = Math.abs(mr - ml);
        return se == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / se;
    }

    private static double mean(double[] series, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += series[i];
        }
        return sum / (to - from);
    }

    private void search(double[] series, int from, int to, List<ChangePoint> found) {
        int splits = (to - from) - 2 * minSegment + 1;
        if (splits < 1) {
            return;
        }
        double bestT = -1;
        int best = -1;
        for (int k = from + minSegment; k <= to - minSegment; k++) {
            double t = tStatistic(series, from, k, to);
            if (t > bestT) {
                bestT = t;
                best = k;
            }
        }
        double[] left = Arrays.copyOfRange(series, from, best);
        double[] right = Arrays.copyOfRange(series, best, to);
        double bestP = new MannWhitney(left.length, right.length).twoSidedP(left, right);
        if (bestP * splits >= alpha) {
            return;
        }
        Median median = new Median();
        double before = median.evaluate(series, from, best - from);
        double after = median.evaluate(series, best, to - best);
        if (Math.abs(after / before - 1) < minShift) {
            return;
        }
        found.add(new ChangePoint(best, before, after, Math.min(1, bestP * splits)));
        search(series, from, best, found);
        search(series, best, to, found);
    }
}
