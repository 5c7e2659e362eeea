package dev.perfgate.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;

import java.util.Arrays;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, with the
 * Hodges-Lehmann shift estimate and its distribution-free confidence interval.
 *
 * <p>The p-value is exact (from the permutation distribution of U) when there are no ties and
 * {@code m + n <= 100}; otherwise it uses the normal approximation with tie and continuity
 * correction, from commons-math3's {@link NormalDistribution}. Exactness matters for the few
 * forks a benchmark run has: with 5 forks per side the normal approximation overstates the
 * evidence.
 *
 * <p>The shift estimate is the median of all {@code m * n} differences {@code y_j - x_i}; the
 * interval is bounded by order statistics of the same differences chosen from the U distribution
 * (Hollander and Wolfe, Nonparametric Statistical Methods, 3rd ed., section 4.3), so it agrees
 * with the test: the interval excludes 0 when the two-sided p-value is below alpha (ties aside).
 *
 * <p>Instances are immutable and hold the samples' sizes only.
 */
public final class MannWhitney {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final int EXACT_LIMIT = 100;

    private final int m;
    private final int n;
    /** Lower-tail cumulative probabilities P(U <= u), u = 0..m*n; null when not exact. */
    private final double[] exactCdf;

    /**
     * @param m size of the first sample, at least 1
     * @param n size of the second sample, at least 1
     */
    public MannWhitney(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("sample sizes must be >= 1 but were " + m + " and " + n);
        }
        this.m = m;
        this.n = n;
        this.exactCdf = m + n <= EXACT_LIMIT ? exactCdf(m, n) : null;
    }

    /**
     * Distribution of U under the null hypothesis: the coefficients of the Gaussian binomial
     * [m+n choose m]_q, built as prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). Small coefficients (the
     * tail that decides p-values) are computed from small ones only, so they are exact.
     */
    private static double[] exactCdf(int m, int n) {
        int max = m * n;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            for (int k = max; k >= n + i; k--) {
                c[k] -= c[k - n - i];
            }
            for (int k = i; k <= max; k++) {
                c[k] += c[k - i];
            }
        }
        double total = CombinatoricsUtils.binomialCoefficientDouble(m + n, m);
        double[] cdf = new double[max + 1];
        double running = 0;
        for (int u = 0; u <= max; u++) {
            running += c[u];
            cdf[u] = Math.min(1.0, running / total);
        }
        return cdf;
    }

    /**
     * The U statistic of {@code y} against {@code x}: the number of pairs with {@code y_j > x_i},
     * ties counting one half. Large U means y tends to be larger.
     */
    public static double uStatistic(double[] x, double[] y) {
        double u = 0;
        for (double xi : x) {
            for (double yj : y) {
                if (yj > xi) {
                    u += 1;
                } else if (yj == xi) {
                    u += 0.5;
                }
            }
        }
        return u;
    }

    /**
     * Two-sided p-value for the hypothesis that x and y come from the same distribution.
     *
     * @param x first sample, length m
     * @param y second sample, length n
     */
    public double twoSidedP(double[] x, double[] y) {
        checkSizes(x, y);
        double u = uStatistic(x, y);
        double uMin = Math.min(u, (double) m * n - u);
        if (exactCdf != null && !hasTies(x, y)) {
            return Math.min(1.0, 2 * exactCdf[(int) Math.floor(uMin)]);
        }
        double mean = m * (double) n / 2;
        double sd = Math.sqrt(tieCorrectedVariance(x, y));
        if (sd == 0) {
            return 1.0;
        }
        double z = (Math.abs(u - mean) - 0.5) / sd;
        return Math.min(1.0, 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.max(z, 0))));
    }

    /**
     * The smallest two-sided p-value these sample sizes can produce: with 3 forks per side it is
     * 0.1, so no test at alpha = 0.05 is possible whatever the data.
     */
    public double smallestPossibleP() {
        if (exactCdf != null) {
            return Math.min(1.0, 2 * exactCdf[0]);
        }
        double z = (m * (double) n / 2 - 0.5) / Math.sqrt(m * (double) n * (m + n + 1) / 12.0);
        return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(z));
    }

    /** Hodges-Lehmann estimate of the shift {@code y - x}: the median of all pairwise differences. */
    public double shiftEstimate(double[] x, double[] y) {
        return RankStatistics.median(pairwiseDifferences(x, y));
    }

    /**
     * Distribution-free confidence interval for the shift {@code y - x} at the given confidence.
     *
     * @param confidence e.g. 0.95, in (0, 1)
     * @return {@code {low, high}}, or null when the sample sizes are too small for that confidence
     */
    public double[] shiftInterval(double[] x, double[] y, double confidence) {
        return RankStatistics.interval(pairwiseDifferences(x, y), confidence, exactCdf, m * (double) n / 2,
                Math.sqrt(m * (double) n * (m + n + 1) / 12.0));
    }

    private double[] pairwiseDifferences(double[] x, double[] y) {
        checkSizes(x, y);
        double[] d = new double[m * n];
        int i = 0;
        for (double xi : x) {
            for (double yj : y) {
                d[i++] = yj - xi;
            }
        }
        Arrays.sort(d);
        return d;
    }

    private double tieCorrectedVariance(double[] x, double[] y) {
        double[] all = new double[m + n];
        System.arraycopy(x, 0, all, 0, m);
        System.arraycopy(y, 0, all, m, n);
        Arrays.sort(all);
        double tieSum = RankStatistics.tieSum(all);
        double total = m + n;
        return m * (double) n / 12.0 * ((total + 1) - tieSum / (total * (total - 1)));
    }

    private static boolean hasTies(double[] x, double[] y) {
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private void checkSizes(double[] x, double[] y) {
        if (x.length != m || y.length != n) {
            throw new IllegalArgumentException("samples must have sizes " + m + " and " + n
                    + " but had " + x.length + " and " + y.length);
        }
    }
}
