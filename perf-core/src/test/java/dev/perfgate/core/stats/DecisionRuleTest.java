package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRuleTest {

    private final DecisionRule rule = new DecisionRule(GatePolicy.DEFAULT);

    @Test
    void worseThanThresholdAndSignificantIsARegression() {
        Decision decision = rule.decide(evidence(0.08, 0.001), 0.001, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decision.pValue()).isEqualTo(0.001);
        assertThat(decision.note()).isEmpty();
    }

    @Test
    void worseThanThresholdButNotSignificantIsInconclusiveWithDetectableChangeAndForksNeeded() {
        Decision decision = rule.decide(evidence(0.08, 0.2), 0.2, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.minDetectable()).isFinite().isGreaterThan(0.05);
        assertThat(decision.forksNeeded()).isGreaterThan(5);
        assertThat(decision.note()).contains("not significant").contains("forks per side would decide 5%");
    }

    @Test
    void calibratedNoiseSaysHowManyMoreForksWouldDecide() {
        Noise calibrated = new Noise(0.03, 0.0, 10, 200, java.time.Instant.parse("2026-11-27T06:00:00Z"));

        Decision withCalibration = rule.decide(evidence(0.08, 0.2), 0.2, 5, calibrated);
        Decision withoutCalibration = rule.decide(evidence(0.08, 0.2), 0.2, 5);

        // the calibrated 3% gives fewer forks than the 6% these five forks show
        assertThat(withCalibration.forksNeeded()).isEqualTo(ForkEvidence.forksNeeded(0.03, 0.05, 0.05, 0.8));
        assertThat(withCalibration.moreForks()).isPositive();
        assertThat(withCalibration.note()).contains("calibrated fork noise of 3.0%")
                .contains("about " + withCalibration.moreForks() + " more forks");
        assertThat(withoutCalibration.forksNeeded()).isGreaterThan(withCalibration.forksNeeded());
    }

    /** Against 5 base forks at 6% noise, no number of candidate forks detects 5%: the note says so. */
    @Test
    void moreForksThatCannotDecideAgainstAFixedBaseAreNotPromised() {
        Noise calibrated = new Noise(0.06, 0.0, 10, 200, java.time.Instant.parse("2026-11-27T06:00:00Z"));

        Decision decision = rule.decide(evidence(0.08, 0.2), 0.2, 5, calibrated);

        assertThat(decision.moreForks()).isEqualTo(-1);
        assertThat(decision.note()).contains("no number of further forks of this run decides 5% against 5 base forks");
    }

    @Test
    void significantButWithinThresholdIsUnchangedWhenTheIntervalLiesWithinToo() {
        Decision decision = rule.decide(evidence(0.03, 0.01, 0.045, 0.001), 0.001, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(decision.note()).isEmpty();
    }

    /** The run that prompted the rule: unchanged was claimed for +3.1% with an interval up to +6.4%. */
    @Test
    void withinThresholdButIntervalReachingBeyondItIsInconclusiveAndSaysWhatCannotBeRuledOut() {
        Decision decision = rule.decide(evidence(0.031, 0.0, 0.064, 0.04), 0.04, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.change()).isEqualTo(0.031);
        assertThat(decision.ciHigh()).isEqualTo(0.064);
        assertThat(decision.note()).startsWith("+3.1% [+0.0%, +6.4%]: a regression beyond the 5% threshold cannot "
                + "be ruled out; these forks detect changes above ")
                .endsWith("about " + decision.forksNeeded() + " forks per side would decide 5%");
        assertThat(decision.forksNeeded()).isGreaterThan(5);
    }

    @Test
    void anIntervalEndingExactlyAtTheThresholdRulesItOut() {
        assertThat(rule.decide(evidence(0.02, -0.01, 0.05, 0.2), 0.2, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void withCalibratedNoiseTheNoteSaysHowManyMoreForksWouldDecide() {
        Noise calibrated = new Noise(0.03, 0.0, 10, 200, java.time.Instant.parse("2026-11-27T06:00:00Z"));

        Decision decision = rule.decide(evidence(0.031, 0.0, 0.064, 0.04), 0.04, 5, calibrated);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.moreForks()).isPositive();
        assertThat(decision.note()).contains("cannot be ruled out", "calibrated fork noise of 3.0%",
                "about " + decision.moreForks() + " more forks would decide 5%");
    }

    @Test
    void anEstimateNearTheThresholdWithForksEnoughForItsSizeDoesNotPromiseFewerForksThanItHas() {
        // 20 forks per side at 1% noise detect 5% easily; +4.6% [+3.9%, +5.3%] is still undecided.
        ForkEvidence near = new ForkEvidence(20, 20, true, 0.046, 0.039, 0.053, 1e-6, 0.01, Math.log1p(0.046));

        Decision decision = rule.decide(near, 1e-6, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).isEqualTo("+4.6% [+3.9%, +5.3%]: a regression beyond the 5% threshold cannot be "
                + "ruled out; more forks would narrow the interval");
    }

    @Test
    void withoutAnIntervalNothingIsRuledOut() {
        ForkEvidence noInterval = new ForkEvidence(4, 4, true, 0.01, Double.NaN, Double.NaN, 0.5, 0.03,
                Math.log1p(0.01));

        Decision decision = rule.decide(noInterval, 0.5, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).startsWith("+1.0% with no confidence interval from 4 base and 4 current forks: "
                + "a regression beyond the 5% threshold cannot be ruled out");
    }

    @Test
    void perBenchmarkThresholdOverridesTheDefault() {
        Decision atFive = rule.decide(evidence(0.07, 0.06, 0.08, 0.001), 0.001, 5);
        Decision atTen = rule.decide(evidence(0.07, 0.06, 0.08, 0.001), 0.001, 10);

        assertThat(atFive.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(atTen.verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void betterThanThresholdAndSignificantIsAnImprovement() {
        assertThat(rule.decide(evidence(-0.08, 0.001), 0.001, 5).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    /**
     * The better side is not held to the threshold: a possible improvement the forks cannot show
     * is unchanged, since it cannot fail the build and more forks would not change the gate's outcome.
     */
    @Test
    void anIntervalReachingBeyondTheThresholdOnlyOnTheBetterSideIsUnchanged() {
        assertThat(rule.decide(evidence(-0.08, 0.3), 0.3, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(rule.decide(evidence(-0.02, -0.09, 0.04, 0.4), 0.4, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aNoisyBetterEstimateWhoseIntervalAlsoReachesBeyondTheWorseSideIsInconclusive() {
        Decision decision = rule.decide(evidence(-0.07, -0.2, 0.06, 0.3), 0.3, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).startsWith("-7.0% [-20.0%, +6.0%]: a regression beyond the 5% threshold");
    }

    @Test
    void untestableForkCountsAreInconclusiveAndSaySo() {
        ForkEvidence untestable = new ForkEvidence(3, 3, false, 0.30, Double.NaN, Double.NaN, Double.NaN, 0.03,
                Math.log1p(0.30));

        Decision decision = rule.decide(untestable, Double.NaN, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).contains("too few forks").contains("3 base, 3 current");
    }

    /** Five forks per side at 6% noise, an interval of the change +- 5%. */
    private static ForkEvidence evidence(double change, double p) {
        return evidence(change, change - 0.05, change + 0.05, p);
    }

    private static ForkEvidence evidence(double change, double low, double high, double p) {
        return new ForkEvidence(5, 5, true, change, low, high, p, 0.06, Math.log1p(change));
    }
}
