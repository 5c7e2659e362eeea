package dev.perfgate.core.stats;

import java.util.Locale;

/**
 * The regression decision for a timing metric (the primary metric): a benchmark regresses when
 * its estimated change is worse than the threshold AND the rank test is significant at alpha
 * (after multiple-comparison control). Worse than the threshold but not significant is
 * inconclusive, reported with the smallest change the forks could detect and the forks needed.
 * Too few forks for any test is inconclusive and says so.
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
            return base.with(Verdict.INCONCLUSIVE, Double.NaN, String.format(Locale.ROOT,
                    "too few forks for a test (%d base, %d current): no result of so few forks can be "
                            + "significant at alpha %s; run at least %d forks per side",
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
            String detect = "";
            if (calibrated != null && more < 0) {
                detect = String.format(Locale.ROOT, "; no number of further forks of this run decides %s%% against "
                        + "%d base forks%s: compare both on one machine with perf-gate ab", format(thresholdPct),
                        evidence.baseForks(), runShift > 0 ? String.format(Locale.ROOT,
                                " and a run-to-run shift of %.1f%%", runShift * 100) : "");
            } else if (calibrated != null) {
                detect = String.format(Locale.ROOT, "; with the calibrated fork noise of %.1f%%, these forks detect "
                        + "changes above %.1f%% and about %d more forks would decide %s%%",
                        noise * 100, mde * 100, more, format(thresholdPct));
            } else if (Double.isFinite(mde)) {
                detect = String.format(Locale.ROOT, "; these forks detect changes above %.1f%%; about %d forks per "
                        + "side would decide %s%%", mde * 100, needed, format(thresholdPct));
            }
            return base.with(Verdict.INCONCLUSIVE, adjustedP, String.format(Locale.ROOT,
                    "worse than the %s%% threshold but not significant (p = %.3g)%s",
                    format(thresholdPct), adjustedP, detect));
        }
        if (change < -threshold && significant) {
            return base.with(Verdict.IMPROVEMENT, adjustedP, "");
        }
        return base;
    }

    /** The fewest forks per side with which a rank test at the policy's alpha can be significant. */
    int minimumForks() {
        int n = 2;
        while (n < 50 && new MannWhitney(n, n).smallestPossibleP() > policy.alpha()) {
            n++;
        }
        return n;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
