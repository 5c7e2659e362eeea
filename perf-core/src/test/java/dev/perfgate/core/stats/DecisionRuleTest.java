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
    void significantButWithinThresholdIsUnchanged() {
        assertThat(rule.decide(evidence(0.03, 0.001), 0.001, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void perBenchmarkThresholdOverridesTheDefault() {
        assertThat(rule.decide(evidence(0.07, 0.001), 0.001, 10).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void betterThanThresholdAndSignificantIsAnImprovement() {
        assertThat(rule.decide(evidence(-0.08, 0.001), 0.001, 5).verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(rule.decide(evidence(-0.08, 0.3), 0.3, 5).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void untestableForkCountsAreInconclusiveAndSaySo() {
        ForkEvidence untestable = new ForkEvidence(3, 3, false, 0.30, Double.NaN, Double.NaN, Double.NaN, 0.03,
                Math.log1p(0.30));

        Decision decision = rule.decide(untestable, Double.NaN, 5);

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).contains("too few forks").contains("3 base, 3 current");
    }

    private static ForkEvidence evidence(double change, double p) {
        return new ForkEvidence(5, 5, true, change, change - 0.05, change + 0.05, p, 0.06, Math.log1p(change));
    }
}
