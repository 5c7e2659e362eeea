package dev.perfgate.core.history;

import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the runs where a benchmark's level shifted: E-Divisive means with a t-test, the method of
 * Apache Otava (formerly DataStax Hunter).
 *
 * <p>Binary segmentation. In a segment, the candidate split is the one, among those leaving at
 * least {@code minSegment} runs on each side, that maximises the energy divergence of Matteson and
 * James's E-Divisive (with exponent 1):
 * <pre>
 * Q(L, R) = |L||R| / (|L| + |R|) * ( 2/(|L||R|) sum|l - r|  -  mean|l - l'|  -  mean|r - r'| )
 * </pre>
 * It is accepted when Welch's t-test between the two sides gives a p-value below {@code alpha}
 * after a Bonferroni correction for the number of splits the maximum was taken over, and the means
 * differ by at least {@code minShift}; then both halves are searched again. Otava also replaces
 * E-Divisive's permutation test with a t-test, which makes the result deterministic and fast; the
 * Bonferroni factor is perfgate's: a split chosen as the best of many is tested as such, so flat
 * noisy series do not show steps.
 *
 * <p>The divergence of every split of a segment is computed in O(n log n) with two Fenwick trees
 * over the ranks of the values, so a history of 10,000 runs is searched in milliseconds.
 *
 * <p>References: D. S. Matteson and N. A. James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", Journal of the American Statistical Association 109 (2014);
 * D. Daly et al., "The Use of Change Point Detection to Identify Software Performance Regressions
 * in a Continuous Integration System", ICPE 2020 (MongoDB); M. Fleming et al., "Hunter: Using
 * Change Point Detection to Hunt for Performance Regressions", ICPE 2023 (Otava's origin). See
 * docs/statistics.md for why this and not PELT.
 */
public final class ChangePoints {

    /** A level shift: the first run at the new level, and the mean level before and after. */
    public record ChangePoint(int index, double before, double after, double pValue) {
        /** Relative shift of the mean, {@code after / before - 1}. */
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
     * @param minShift   smallest relative shift of the mean reported, >= 0 (0.02 = 2%)
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

    /** Defaults: 4 runs per side, alpha 0.01, shifts of at least 2%. */
    public static ChangePoints defaults() {
        return new ChangePoints(4, 0.01, 0.02);
    }

    /** The change points of a series, in index order. */
    public List<ChangePoint> detect(double[] series) {
        List<ChangePoint> found = new ArrayList<>();
        search(series, 0, series.length, found);
        found.sort(Comparator.comparingInt(ChangePoint::index));
        return found;
    }

    private void search(double[] series, int from, int to, List<ChangePoint> found) {
        int splits = (to - from) - 2 * minSegment + 1;
        if (splits < 1) {
            return;
        }
        int best = from + bestSplit(Arrays.copyOfRange(series, from, to), minSegment);
        double[] left = Arrays.copyOfRange(series, from, best);
        double[] right = Arrays.copyOfRange(series, best, to);
        double p = welchP(left, right);
        if (!(p * splits < alpha)) {
            return;
        }
        double before = mean(left);
        double after = mean(right);
        if (Math.abs(after / before - 1) < minShift) {
            return;
        }
        found.add(new ChangePoint(best, before, after, Math.min(1, p * splits)));
        search(series, from, best, found);
        search(series, best, to, found);
    }

    /**
     * The split {@code k} (the first index of the right side) in {@code [minSegment, n - minSegment]}
     * with the largest E-Divisive divergence; the earliest of equal ones.
     */
    static int bestSplit(double[] x, int minSegment) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        int[] rank = new int[n];
        double[] prefix = new double[n + 1];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
            prefix[r + 1] = prefix[r] + x[order[r]];
        }
        // toAll[i] = sum over j of |x_i - x_j|, from the sorted prefix sums.
        double[] toAll = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int r = rank[i];
            toAll[i] = x[i] * r - prefix[r] + (prefix[n] - prefix[r + 1]) - x[i] * (n - r - 1);
            total += toAll[i];
        }
        Fenwick count = new Fenwick(n);
        Fenwick sum = new Fenwick(n);
        double withinLeft = 0;
        double withinRight = total / 2;
        double between = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        int best = minSegment;
        for (int k = 1; k < n; k++) {
            // Move x[k - 1] from the right side to the left.
            int p = k - 1;
            int r = rank[p];
            double lessCount = count.prefix(r);
            double lessSum = sum.prefix(r);
            double leftCount = k - 1;
            double leftSum = sum.prefix(n);
            double toLeft = x[p] * lessCount - lessSum + (leftSum - lessSum) - x[p] * (leftCount - lessCount);
            double toRight = toAll[p] - toLeft;
            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            count.add(r, 1);
            sum.add(r, x[p]);
            if (k >= minSegment && k <= n - minSegment) {
                double m = k;
                double q = n - k;
                double divergence = 2 * between / (m * q) - withinLeft / (m * (m - 1) / 2)
                        - withinRight / (q * (q - 1) / 2);
                double score = m * q / n * divergence;
                if (score > bestQ) {
                    bestQ = score;
                    best = k;
                }
            }
        }
        return best;
    }

    /** Two-sided p-value of Welch's t-test; 0 for a noise-free step, 1 for two identical constants. */
    private static double welchP(double[] left, double[] right) {
        double ml = mean(left);
        double mr = mean(right);
        if (variance(left, ml) == 0 && variance(right, mr) == 0) {
            return ml == mr ? 1 : 0;
        }
        return new TTest().tTest(left, right);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }

    /** Prefix sums over ranks 0..n-1. */
    private static final class Fenwick {
        private final double[] tree;

        Fenwick(int n) {
            tree = new double[n + 1];
        }

        void add(int index, double value) {
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i] += value;
            }
        }

        /** Sum over ranks 0..index-1. */
        double prefix(int index) {
            double s = 0;
            for (int i = index; i > 0; i -= i & -i) {
                s += tree[i];
            }
            return s;
        }
    }
}
