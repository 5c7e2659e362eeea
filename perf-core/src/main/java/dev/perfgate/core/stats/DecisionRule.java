package dev.perfgate.core.stats;

import java.util.Locale;

/**
 * The regression decision for a timing metric (the primary metric): a benchmark regresses when
 * its estimated change is worse than the threshold AND the rank test is significant at alpha
 * (after multiple-comparison control). Worse than the threshold but not significant is
 * inconclusive, reported with the smallest change the forks could detect and the forks needed.
 * Too few forks for any test is inconclusive and says so.
 *
 * <p>Unchanged is a claim the data must support: a result within the threshold is unchanged only
 * when the worse end of its confidence interval lies within the threshold too. An estimate of +3.1%
 * with an interval of [+0.0%, +6.4%] against a 5% threshold does not rule out a 6% regression, so it
 * is inconclusive, and the note says so and how many forks would decide it. The better end is not
 * held to the threshold: an interval reaching below -threshold around an estimate that is not a
 * significant improvement stays unchanged (a possible improvement cannot fail the build).
 */
public final class DecisionRule {

    private final GatePolicy policy;

    public DecisionRule(GatePolicy policy) {
        this.policy = policy;
    }

    /**
     * Decides.
     *
     * @param evidence     the fork evidence
     * @param adjustedP    the p-value after multiple-comparison control (NaN when not testable)
     * @param thresholdPct this benchmark's threshold in percent
     */
    public Decision decide(ForkEvidence evidence, double adjustedP, double thresholdPct) {
        return decide(evidence, adjustedP, thresholdPct, null);
    }

    /**
     * Decides, with the benchmark's calibrated noise when it has one: the smallest detectable
     * change and the forks needed then come from the calibration's many forks rather than from
     * this comparison's few, and a difference significant between the two runs but not beyond
     * the calibrated run-to-run shift is inconclusive and says so. The caller's p-value must
     * already include that shift (see {@link Noise#driftP}); {@code Gate} does.
     *
     * @param calibrated the noise {@code perf-gate calibrate} stored with the baseline, or null
     */
    public Decision decide(ForkEvidence evidence, double adjustedP, double thresholdPct, Noise calibrated) {
        double threshold = thresholdPct / 100;
        double noise = calibrated != null ? calibrated.forkLogSd() : evidence.logNoise();
        double mde = ForkEvidence.minDetectableChange(noise, evidence.baseForks(),
                evidence.candidateForks(), policy.alpha(), policy.power());
        int needed = ForkEvidence.forksNeeded(noise, threshold, policy.alpha(), policy.power());
        double runShift = calibrated != null ? calibrated.runLogSd() : 0;
        int candidateNeeded = ForkEvidence.candidateForksNeeded(noise, runShift, evidence.baseForks(), threshold,
                policy.alpha(), policy.power());
        int more = candidateNeeded < 0 ? -1 : Math.max(0, candidateNeeded - evidence.candidateForks());
        Decision base = new Decision(Verdict.UNCHANGED, evidence.change(), evidence.ciLow(), evidence.ciHigh(),
                adjustedP, mde, needed, "", more);
        double change = evidence.change();
        if (!evidence.testable()) {
            return base.with(Verdict.INCONCLUSIVE, Double.NaN, evidence.paired()
                    ? String.format(Locale.ROOT, "too few fork pairs for a test (%d): no result of so few pairs can "
                            + "be significant at alpha %s; run at least %d pairs", evidence.baseForks(),
                            format(policy.alpha()), minimumPairs())
                    : String.format(Locale.ROOT, "too few forks for a test (%d base, %d current): no result of so "
                            + "few forks can be significant at alpha %s; run at least %d forks per side",
                    evidence.baseForks(), evidence.candidateForks(), format(policy.alpha()), minimumForks()));
        }
        boolean significant = adjustedP < policy.alpha();
        if (change > threshold) {
            if (significant) {
                return base.with(Verdict.REGRESSION, adjustedP, "");
            }
            double driftP = calibrated == null ? 0
                    : calibrated.driftP(evidence.logShift(), evidence.baseForks(), evidence.candidateForks());
            if (evidence.pValue() < policy.alpha() && driftP >= policy.alpha()) {
                return base.with(Verdict.INCONCLUSIVE, adjustedP, String.format(Locale.ROOT,
                        "worse than the %s%% threshold between these runs (p = %.3g) but within the calibrated "
                                + "run-to-run shift of %.1f%% (p = %.3g); compare both on one machine with "
                                + "perf-gate ab", format(thresholdPct), evidence.pValue(), runShift * 100, driftP));
            }
            return base.with(Verdict.INCONCLUSIVE, adjustedP, String.format(Locale.ROOT,
                    "worse than the %s%% threshold but not significant (p = %.3g)%s",
                    format(thresholdPct), adjustedP, forksThatDecide(evidence, calibrated, noise, mde, needed, more,
                            thresholdPct)));
        }
        if (change < -threshold && significant) {
            return base.with(Verdict.IMPROVEMENT, adjustedP, "");
        }
        // Unchanged is a claim that no regression beyond the threshold hides in the noise: the
        // interval's worse end must lie within the threshold. The better end may reach below -threshold:
        // a possible improvement cannot fail the build, and more forks would not change the gate's outcome.
        if (!(evidence.ciHigh() <= threshold)) {
            String what = Double.isNaN(evidence.ciHigh())
                    ? String.format(Locale.ROOT, "%s with no confidence interval from %d base and %d current forks",
                    percent(change), evidence.baseForks(), evidence.candidateForks())
                    : percent(change) + " [" + percent(evidence.ciLow()) + ", " + percent(evidence.ciHigh()) + "]";
            return base.with(Verdict.INCONCLUSIVE, adjustedP, String.format(Locale.ROOT,
                    "%s: a regression beyond the %s%% threshold cannot be ruled out%s", what, format(thresholdPct),
                    forksThatDecide(evidence, calibrated, noise, mde, needed, more, thresholdPct)));
        }
        return base;
    }

    /**
     * The end of an inconclusive note: how many forks would decide the threshold, from the calibrated
     * fork noise when there is one (then as forks to add to this run, against the base's fixed forks),
     * else from this comparison's own noise (per side). Says so when no number of forks of this run can.
     */
    private static String forksThatDecide(ForkEvidence evidence, Noise calibrated, double noise, double mde,
                                          int needed, int more, double thresholdPct) {
        if (calibrated != null && more < 0) {
            double runShift = calibrated.runLogSd();
            return String.format(Locale.ROOT, "; no number of further forks of this run decides %s%% against "
                    + "%d base forks%s: compare both on one machine with perf-gate ab", format(thresholdPct),
                    evidence.baseForks(), runShift > 0 ? String.format(Locale.ROOT,
                            " and a run-to-run shift of %.1f%%", runShift * 100) : "");
        }
        if (calibrated != null && more > 0) {
            return String.format(Locale.ROOT, "; with the calibrated fork noise of %.1f%%, these forks detect "
                    + "changes above %.1f%% and about %d more forks would decide %s%%",
                    noise * 100, mde * 100, more, format(thresholdPct));
        }
        if (calibrated == null && Double.isFinite(mde)
                && needed > Math.max(evidence.baseForks(), evidence.candidateForks())) {
            return String.format(Locale.ROOT, "; these forks detect changes above %.1f%%; about %d forks per "
                    + "side would decide %s%%", mde * 100, needed, format(thresholdPct));
        }
        // The forks that detect a change of the threshold's size from zero are already there: the
        // estimate lies near the threshold, and only more forks than that formula says narrow it down.
        return Double.isFinite(mde) ? "; more forks would narrow the interval" : "";
    }

    /** The fewest forks per side with which a rank test at the policy's alpha can be significant. */
    public int minimumForks() {
        int n = 2;
        while (n < 50 && new MannWhitney(n, n).smallestPossibleP() > policy.alpha()) {
            n++;
        }
        return n;
    }

    /** The fewest fork pairs with which a signed-rank test at the policy's alpha can be significant. */
    public int minimumPairs() {
        int n = 1;
        while (n < 50 && new WilcoxonSignedRank(n).smallestPossibleP() > policy.alpha()) {
            n++;
        }
        return n;
    }

    /** A signed percentage of a fraction, e.g. {@code +3.1%}, as the reports write it. */
    private static String percent(double fraction) {
        double pct = Math.abs(fraction * 100) < 0.05 ? 0.0 : fraction * 100;
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
