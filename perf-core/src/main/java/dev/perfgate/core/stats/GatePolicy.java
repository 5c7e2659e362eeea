package dev.perfgate.core.stats;

/**
 * The knobs of the regression decision.
 *
 * @param thresholdPct          default regression threshold in percent, (0, 1000); 5 means "5% worse"
 * @param alpha                 significance level of the rank test, after multiple-comparison
 *                              control, in (0, 0.5); default 0.05
 * @param power                 power used to compute the minimum detectable change and forks
 *                              needed, in (0, 1); default 0.8
 * @param allocationTolerancePct relative tolerance of the allocation gate in percent, >= 0; default 1
 * @param allocationToleranceBytes absolute tolerance of the allocation gate in B/op, >= 0; default 16
 */
public record GatePolicy(double thresholdPct, double alpha, double power, double allocationTolerancePct,
                         double allocationToleranceBytes) {

    /**
     * 5% threshold, alpha 0.05, power 0.8, allocation tolerance max(1%, 16 B/op). 16 bytes is the
     * smallest object a 64-bit JVM allocates, so a smaller rise is not one more object per
     * operation but JMH's own per-iteration allocations spread over a different number of operations.
     */
    public static final GatePolicy DEFAULT = new GatePolicy(5.0, 0.05, 0.8, 1.0, 16.0);

    public GatePolicy {
        checkThreshold(thresholdPct);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5) but was " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1) but was " + power);
        }
        if (!(allocationTolerancePct >= 0) || !(allocationToleranceBytes >= 0)) {
            throw new IllegalArgumentException("allocation tolerances must be >= 0 but were "
                    + allocationTolerancePct + "% and " + allocationToleranceBytes + " B/op");
        }
    }

    /** Validates a threshold in percent: greater than 0 and below 1000. */
    public static void checkThreshold(double thresholdPct) {
        if (!(thresholdPct > 0 && thresholdPct < 1000)) {
            throw new IllegalArgumentException("threshold must be > 0 and < 1000 percent but was " + thresholdPct);
        }
    }

    /** This policy with another default threshold. */
    public GatePolicy withThreshold(double pct) {
        return new GatePolicy(pct, alpha, power, allocationTolerancePct, allocationToleranceBytes);
    }
}
