package dev.perfgate.core.stats;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.Locale;

/**
 * The allocation gate on JMH's {@code gc.alloc.rate.norm} (bytes per operation). Allocation per
 * operation is nearly deterministic: it does not jitter like time, but escape analysis can make
 * a single fork allocate differently. So the rule compares the medians of the fork values with a
 * tight tolerance, {@code max(tolerancePct of the baseline, toleranceBytes)}, and needs no
 * significance test: one fork per side suffices.
 */
public final class AllocationRule {

    private final GatePolicy policy;

    public AllocationRule(GatePolicy policy) {
        this.policy = policy;
    }

    /**
     * Decides on bytes per operation.
     *
     * @param base      base fork values in B/op, at least one
     * @param candidate candidate fork values in B/op, at least one
     */
    public Decision decide(double[] base, double[] candidate) {
        if (base.length == 0 || candidate.length == 0) {
            return Decision.of(Verdict.INCONCLUSIVE, "no allocation samples to compare");
        }
        Median median = new Median();
        double b = median.evaluate(base);
        double c = median.evaluate(candidate);
        double tolerance = Math.max(b * policy.allocationTolerancePct() / 100, policy.allocationToleranceBytes());
        double change = b > policy.allocationToleranceBytes() ? c / b - 1 : Double.NaN;
        String delta = String.format(Locale.ROOT, "%+.1f B/op (tolerance %.1f B/op)", c - b, tolerance);
        Verdict verdict = c - b > tolerance ? Verdict.REGRESSION
                : b - c > tolerance ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
        String note = verdict == Verdict.UNCHANGED ? "" : delta;
        return new Decision(verdict, change, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, note);
    }

}
