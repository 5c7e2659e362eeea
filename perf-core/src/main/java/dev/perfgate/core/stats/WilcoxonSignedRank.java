package dev.perfgate.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The Wilcoxon signed-rank test of paired differences, with the Hodges-Lehmann estimate of their
 * centre (the median of the Walsh averages) and its distribution-free confidence interval: the
 * paired counterpart of {@link MannWhitney}, for samples taken in pairs that share their
 * circumstances, such as the interleaved fork pairs of a same-machine A/B.
 *
 * <p>The p-value is exact (from the distribution of W+, the sum of the ranks of the positive
 * differences, over all 2^n sign patterns) when no difference is zero, no two absolute differences
 * tie and {@code n <= 200}; otherwise it uses the normal approximation with Pratt's treatment of
 * zeros, tie and continuity correction. The interval is bounded by order statistics of the
 * {@code n(n+1)/2} Walsh averages {@code (d_i + d_j) / 2, i <= j}, chosen from the same
 * distribution (Hollander and Wolfe, Nonparametric Statistical Methods, 3rd ed., section 3.2), so
 * it agrees with the test.
 *
 * <p>Validity needs differences symmetric about their centre under the null hypothesis. A
 * randomised order within each pair gives exactly that for an A/A comparison, whatever the
 * machine's drift or an order effect between the first and the second member of a pair.
 *
 * <p>Instances are immutable and hold the number of pairs only.
 */
public final class WilcoxonSignedRank {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final int EXACT_LIMIT = 200;

    private final int n;
    /** Lower-tail cumulative probabilities P(W+ <= w), w = 0..n(n+1)/2; null when not exact. */
    private final double[] exactCdf;

    /** @param n the number of pairs, at least 1 */
    public WilcoxonSignedRank(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of pairs must be >= 1 but was " + n);
        }
        this.n = n;
        this.exactCdf = n <= EXACT_LIMIT ? exactCdf(n) : null;
    }

    /**
     * Distribution of W+ under the null hypothesis: each rank 1..n carries a positive sign with
     * probability 1/2, independently. Built as probabilities rank by rank, so nothing overflows.
     */
    private static double[] exactCdf(int n) {
        int max = n * (n + 1) / 2;
        double[] p = new double[max + 1];
        p[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int w = rank * (rank + 1) / 2; w >= 0; w--) {
                p[w] = (p[w] + (w >= rank ? p[w - rank] : 0)) / 2;
            }
        }
        double[] cdf = new double[max + 1];
        double running = 0;
        for (int w = 0; w <= max; w++) {
            running += p[w];
            cdf[w] = Math.min(1.0, running);
        }
        return cdf;
    }

    /**
     * W+: the sum of the ranks of {@code |d_i|} over the positive differences, ties given their
     * mid-rank; zero differences are ranked (Pratt) but count on neither side.
     */
    public static double wPlus(double[] d) {
        double[] ranks = absoluteRanks(d);
        double w = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] > 0) {
                w += ranks[i];
            }
        }
        return w;
    }

    /**
     * Two-sided p-value for the hypothesis that the differences are symmetric about zero.
     *
     * @param d the paired differences, length n
     */
    public double twoSidedP(double[] d) {
        checkSize(d);
        double w = wPlus(d);
        if (exactCdf != null && !hasZerosOrTies(d)) {
            double max = n * (n + 1) / 2.0;
            return Math.min(1.0, 2 * exactCdf[(int) Math.min(w, max - w)]);
        }
        double[] ranks = absoluteRanks(d);
        double zeroRanks = 0;
        double zeroSquares = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 0) {
                zeroRanks += ranks[i];
                zeroSquares += ranks[i] * ranks[i];
            }
        }
        double mean = (n * (n + 1) / 2.0 - zeroRanks) / 2;
        double sd = Math.sqrt(tieCorrectedVariance(ranks) - zeroSquares / 4);
        if (!(sd > 0)) {
            return 1.0;
        }
        double z = (Math.abs(w - mean) - 0.5) / sd;
        return Math.min(1.0, 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.max(z, 0))));
    }

    /** The smallest two-sided p-value n pairs can produce: {@code 2 / 2^n}; 5 pairs cannot reach 0.05. */
    public double smallestPossibleP() {
        if (exactCdf != null) {
            return Math.min(1.0, 2 * exactCdf[0]);
        }
        double max = n * (n + 1) / 2.0;
        double z = (max / 2 - 0.5) / Math.sqrt(n * (n + 1.0) * (2.0 * n + 1) / 24);
        return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(z));
    }

    /** Hodges-Lehmann estimate of the differences' centre: the median of the Walsh averages. */
    public double shiftEstimate(double[] d) {
        return RankStatistics.median(walshAverages(d));
    }

    /**
     * Distribution-free confidence interval for the differences' centre at the given confidence.
     *
     * @param confidence e.g. 0.95, in (0, 1)
     * @return {@code {low, high}}, or null when there are too few pairs for that confidence
     */
    public double[] shiftInterval(double[] d, double confidence) {
        return RankStatistics.interval(walshAverages(d), confidence, exactCdf, n * (n + 1) / 4.0,
                Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24));
    }

    private double[] walshAverages(double[] d) {
        checkSize(d);
        double[] walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        return walsh;
    }

    /** Mid-ranks of the absolute differences, 1..n. */
    private static double[] absoluteRanks(double[] d) {
        Integer[] order = new Integer[d.length];
        for (int i = 0; i < d.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
        double[] ranks = new double[d.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = midRank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Variance of W+ with all n ranks, less the ties' share: {@code n(n+1)(2n+1)/24 - sum(t^3 - t)/48}. */
    private double tieCorrectedVariance(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        return n * (n + 1) * (2.0 * n + 1) / 24 - RankStatistics.tieSum(sorted) / 48;
    }

    private static boolean hasZerosOrTies(double[] d) {
        double[] abs = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 0) {
                return true;
            }
            abs[i] = Math.abs(d[i]);
        }
        Arrays.sort(abs);
        for (int i = 1; i < abs.length; i++) {
            if (abs[i] == abs[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private void checkSize(double[] d) {
        if (d.length != n) {
            throw new IllegalArgumentException("expected " + n + " paired differences but had " + d.length);
        }
    }
}
