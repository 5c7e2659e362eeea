package dev.perfgate.core.stats;

import dev.perfgate.core.model.Direction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * What the per-fork samples of a base and a candidate say about their difference, before any
 * threshold is applied. Works in log space, so changes are ratios and the statistics do not
 * depend on the unit: the shift {@code ln(candidate) - ln(base)} is estimated with Hodges-Lehmann,
 * bounded by the rank-test confidence interval and tested with Mann-Whitney U. Forks made in pairs
 * (the interleaved pairs of a same-machine A/B) are compared pair by pair instead ({@link #paired}):
 * the Wilcoxon signed-rank test of the pairs' differences, so that what a pair's two forks share
 * (the machine's state during the pair) cancels.
 *
 * @param baseForks      number of base forks (m)
 * @param candidateForks number of candidate forks (n)
 * @param testable       whether these fork counts can reach significance at the policy's alpha
 * @param change         estimated relative change, positive = worse
 * @param ciLow          lower end of the 95% interval of the change (positive = worse); NaN if none
 * @param ciHigh         upper end; NaN if none
 * @param pValue         two-sided Mann-Whitney p-value, unadjusted; NaN when not testable
 * @param logNoise       pooled standard deviation of ln(fork mean), the fork-to-fork noise; NaN
 *                       with fewer than two forks on both sides
 * @param logShift       the estimated shift {@code ln(candidate) - ln(base)} (Hodges-Lehmann), signed
 * @param paired         whether fork i of the candidate was compared with fork i of the base; then
 *                       {@code logNoise} is the standard deviation of the pairs' log differences over
 *                       the square root of 2, so that the two-sample formulas below (minimum detectable
 *                       change, forks needed) hold for pairs as they are
 */
public record ForkEvidence(int baseForks, int candidateForks, boolean testable, double change, double ciLow,
                           double ciHigh, double pValue, double logNoise, double logShift, boolean paired) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Asymptotic relative efficiency of the rank test against the t-test under normality is 3/pi. */
    private static final double RANK_TEST_EFFICIENCY = 3 / Math.PI;

    /** Evidence from two independent samples of forks. */
    public ForkEvidence(int baseForks, int candidateForks, boolean testable, double change, double ciLow,
                        double ciHigh, double pValue, double logNoise, double logShift) {
        this(baseForks, candidateForks, testable, change, ciLow, ciHigh, pValue, logNoise, logShift, false);
    }

    /**
     * Gathers the evidence.
     *
     * @param base       base fork means, positive values in the metric's unit
     * @param candidate  candidate fork means, same unit
     * @param direction  whether bigger is better
     * @param confidence confidence level of the interval, e.g. 0.95
     * @param alpha      significance level used to decide whether a test is possible at all
     */
    public static ForkEvidence of(double[] base, double[] candidate, Direction direction, double confidence,
                                  double alpha) {
        if (base.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("both samples need at least one fork but had "
                    + base.length + " and " + candidate.length);
        }
        double[] x = logs(base);
        double[] y = logs(candidate);
        MannWhitney test = new MannWhitney(x.length, y.length);
        double shift = test.shiftEstimate(x, y);
        double change = direction.worseningOf(Math.exp(shift));
        boolean testable = test.smallestPossibleP() <= alpha;
        double p = testable ? test.twoSidedP(x, y) : Double.NaN;
        double[] interval = worsening(test.shiftInterval(x, y, confidence), direction);
        return new ForkEvidence(x.length, y.length, testable, change, interval[0], interval[1], p, pooledSd(x, y),
                shift, false);
    }

    /**
     * Gathers the evidence of forks made in pairs: fork i of the candidate ran next to fork i of the
     * base, in a random order within the pair. The shift is the Hodges-Lehmann centre of the pairs' log
     * differences, bounded by the signed-rank interval and tested with {@link WilcoxonSignedRank}.
     *
     * @param base       base fork means, positive values in the metric's unit, in pair order
     * @param candidate  candidate fork means, same unit, same length and order
     * @param direction  whether bigger is better
     * @param confidence confidence level of the interval, e.g. 0.95
     * @param alpha      significance level used to decide whether a test is possible at all
     */
    public static ForkEvidence paired(double[] base, double[] candidate, Direction direction, double confidence,
                                      double alpha) {
        if (base.length == 0 || base.length != candidate.length) {
            throw new IllegalArgumentException("paired forks need the same number of forks, at least one, on both "
                    + "sides but had " + base.length + " and " + candidate.length);
        }
        double[] x = logs(base);
        double[] y = logs(candidate);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] - x[i];
        }
        WilcoxonSignedRank test = new WilcoxonSignedRank(d.length);
        double shift = test.shiftEstimate(d);
        boolean testable = test.smallestPossibleP() <= alpha;
        double p = testable ? test.twoSidedP(d) : Double.NaN;
        double[] interval = worsening(test.shiftInterval(d, confidence), direction);
        double noise = d.length > 1 ? Math.sqrt(new Variance(true).evaluate(d) / 2) : Double.NaN;
        return new ForkEvidence(d.length, d.length, testable, direction.worseningOf(Math.exp(shift)), interval[0],
                interval[1], p, noise, shift, true);
    }

    /** A log-shift interval as {@code {low, high}} of the signed worsening; NaNs when there is none. */
    private static double[] worsening(double[] logInterval, Direction direction) {
        if (logInterval == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double a = direction.worseningOf(Math.exp(logInterval[0]));
        double b = direction.worseningOf(Math.exp(logInterval[1]));
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    /** Natural logarithms of positive, finite fork means. */
    static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("fork means must be positive and finite but one was " + values[i]);
            }
            out[i] = Math.log(values[i]);
        }
        return out;
    }

    private static double pooledSd(double[] x, double[] y) {
        int dof = Math.max(0, x.length - 1) + Math.max(0, y.length - 1);
        if (dof == 0) {
            return Double.NaN;
        }
        Variance variance = new Variance(true);
        double sum = 0;
        if (x.length > 1) {
            sum += variance.evaluate(x) * (x.length - 1);
        }
        if (y.length > 1) {
            sum += variance.evaluate(y) * (y.length - 1);
        }
        return Math.sqrt(sum / dof);
    }

    /**
     * Smallest relative change the rank test detects with the given fork counts, alpha (two-sided)
     * and power, for fork-to-fork noise {@code logNoise}: {@code exp((z(1-alpha/2) + z(power)) *
     * sigma * sqrt((1/m + 1/n) / (3/pi))) - 1}. NaN when the noise is unknown.
     */
    public static double minDetectableChange(double logNoise, int m, int n, double alpha, double power) {
        if (!Double.isFinite(logNoise) || m < 1 || n < 1) {
            return Double.NaN;
        }
        double z = zSum(alpha, power);
        return Math.expm1(z * logNoise * Math.sqrt((1.0 / m + 1.0 / n) / RANK_TEST_EFFICIENCY));
    }

    /**
     * Forks per side needed to detect a relative change {@code effect} (e.g. 0.05) with the given
     * alpha and power: {@code 2 (z(1-alpha/2) + z(power))^2 sigma^2 / ln(1+effect)^2 / (3/pi)}, at
     * least 2. For 3% noise, 5% effect, alpha 0.05, power 0.8 that is 7 forks. 0 when the noise is
     * unknown.
     */
    public static int forksNeeded(double logNoise, double effect, double alpha, double power) {
        if (!Double.isFinite(logNoise) || !(effect > 0)) {
            return 0;
        }
        double z = zSum(alpha, power);
        double perSide = 2 * z * z * logNoise * logNoise / Math.pow(Math.log1p(effect), 2) / RANK_TEST_EFFICIENCY;
        return (int) Math.max(2, Math.ceil(perSide));
    }

    /**
     * Candidate forks needed, against a base of {@code m} forks that does not grow (a stored
     * baseline), to detect a relative change {@code effect}: the smallest {@code n} with
     * {@code sigma^2 (1/m + 1/n) / (3/pi) + 2 r^2 <= (ln(1+effect) / (z(1-alpha/2) + z(power)))^2},
     * r being the run-to-run shift (NaN counts as 0). -1 when no {@code n} is enough: the base's
     * forks or the run shift alone use up what the effect allows. 0 when the noise is unknown.
     */
    public static int candidateForksNeeded(double logNoise, double runShift, int m, double effect, double alpha,
                                           double power) {
        if (!Double.isFinite(logNoise) || !(effect > 0) || m < 1) {
            return 0;
        }
        double z = zSum(alpha, power);
        double shift = Double.isFinite(runShift) ? runShift : 0;
        double allowance = Math.pow(Math.log1p(effect) / z, 2) - 2 * shift * shift;
        double inverse = allowance * RANK_TEST_EFFICIENCY / (logNoise * logNoise) - 1.0 / m;
        if (!(inverse > 0)) {
            return -1;
        }
        return (int) Math.max(2, Math.ceil(1 / inverse));
    }

    /** {@code z(1 - alpha/2) + z(power)}. */
    static double zSum(double alpha, double power) {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2)
                + STANDARD_NORMAL.inverseCumulativeProbability(power);
    }
}
