package dev.perfgate.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * What the two rank tests, {@link MannWhitney} and {@link WilcoxonSignedRank}, share: a
 * Hodges-Lehmann estimate is the median of sorted candidate values (pairwise differences or Walsh
 * averages), its distribution-free interval two order statistics of them chosen from the null
 * distribution of the statistic that counts them, and ties shrink that statistic's variance by
 * {@code sum(t^3 - t)} over the groups of tied values.
 */
final class RankStatistics {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private RankStatistics() {
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int len = sorted.length;
        return len % 2 == 1 ? sorted[len / 2] : (sorted[len / 2 - 1] + sorted[len / 2]) / 2;
    }

    /**
     * The interval {@code {sorted[k - 1], sorted[len - k]}} at the given confidence, k being the
     * largest with {@code P(S <= k - 1) <= (1 - confidence) / 2} for the counting statistic S: from its
     * exact cumulative distribution when there is one, else from its normal approximation.
     *
     * @param sorted    the candidate values, sorted
     * @param exactCdf  {@code P(S <= s)}, s = 0..max; null to use {@code mean} and {@code sd}
     * @return the interval, or null when no k >= 1 reaches that confidence
     */
    static double[] interval(double[] sorted, double confidence, double[] exactCdf, double mean, double sd) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1) but was " + confidence);
        }
        double tail = (1 - confidence) / 2;
        int k;
        if (exactCdf != null) {
            k = 0;
            while (k < exactCdf.length && exactCdf[k] <= tail) {
                k++;
            }
        } else {
            double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - tail);
            k = (int) Math.max(0, Math.floor(mean - z * sd));
        }
        return k < 1 ? null : new double[] {sorted[k - 1], sorted[sorted.length - k]};
    }

    /** {@code sum(t^3 - t)} over the groups of {@code t} equal values of sorted values. */
    static double tieSum(double[] sorted) {
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
