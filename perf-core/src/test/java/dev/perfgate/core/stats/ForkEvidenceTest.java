package dev.perfgate.core.stats;

import dev.perfgate.core.model.Direction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForkEvidenceTest {

    @Test
    void threePercentNoiseNeedsSevenForksPerSideToDetectFivePercent() {
        // 2 (1.960 + 0.842)^2 0.0296^2 / ln(1.05)^2 / (3/pi) = 6.03 -> 7
        assertThat(ForkEvidence.forksNeeded(Math.log(1.03), 0.05, 0.05, 0.8)).isEqualTo(7);
        assertThat(ForkEvidence.forksNeeded(0.03, 0.05, 0.05, 0.8)).isEqualTo(7);
    }

    @Test
    void tenPercentNoiseNeedsSixtyToSeventyForksPerSideToDetectFivePercent() {
        // 62.7 -> 63 for ln(1.1) = 0.0953; 69.1 -> 70 for 0.10
        assertThat(ForkEvidence.forksNeeded(Math.log(1.10), 0.05, 0.05, 0.8)).isEqualTo(63);
        assertThat(ForkEvidence.forksNeeded(0.10, 0.05, 0.05, 0.8)).isEqualTo(70);
    }

    @Test
    void forksNeededIsAtLeastTwoAndZeroWhenNoiseIsUnknown() {
        assertThat(ForkEvidence.forksNeeded(0.001, 0.05, 0.05, 0.8)).isEqualTo(2);
        assertThat(ForkEvidence.forksNeeded(Double.NaN, 0.05, 0.05, 0.8)).isZero();
        assertThat(ForkEvidence.forksNeeded(0.03, 0, 0.05, 0.8)).isZero();
    }

    @Test
    void minDetectableChangeAtForksNeededIsAboutTheEffect() {
        int forks = ForkEvidence.forksNeeded(0.03, 0.05, 0.05, 0.8);
        assertThat(ForkEvidence.minDetectableChange(0.03, forks, forks, 0.05, 0.8)).isBetween(0.045, 0.05);
        assertThat(ForkEvidence.minDetectableChange(0.03, forks - 1, forks - 1, 0.05, 0.8)).isGreaterThan(0.05);
        assertThat(ForkEvidence.minDetectableChange(Double.NaN, 10, 10, 0.05, 0.8)).isNaN();
    }

    @Test
    void changeOfTimeIsRatioMinusOneAndPositiveWhenSlower() {
        double[] base = {100, 101, 99, 100.5, 99.5};
        double[] candidate = {110, 111.1, 108.9, 110.55, 109.45};

        ForkEvidence evidence = ForkEvidence.of(base, candidate, Direction.LOWER_IS_BETTER, 0.95, 0.05);

        assertThat(evidence.change()).isCloseTo(0.10, within(1e-9));
        assertThat(evidence.testable()).isTrue();
        assertThat(evidence.pValue()).isCloseTo(2.0 / 252, within(1e-12));
        assertThat(evidence.ciLow()).isLessThanOrEqualTo(evidence.change());
        assertThat(evidence.ciHigh()).isGreaterThanOrEqualTo(evidence.change());
    }

    @Test
    void changeOfThroughputIsPositiveWhenOpsPerSecondDrop() {
        double[] base = {1000, 1010, 990, 1005, 995};
        double[] candidate = {900, 909, 891, 904.5, 895.5};

        ForkEvidence evidence = ForkEvidence.of(base, candidate, Direction.HIGHER_IS_BETTER, 0.95, 0.05);

        assertThat(evidence.change()).isCloseTo(0.10, within(1e-9));
        assertThat(evidence.ciLow()).isLessThanOrEqualTo(evidence.ciHigh());
    }

    @Test
    void threeForksPerSideAreNotTestable() {
        ForkEvidence evidence = ForkEvidence.of(new double[] {1, 1.01, 0.99}, new double[] {2, 2.02, 1.98},
                Direction.LOWER_IS_BETTER, 0.95, 0.05);

        assertThat(evidence.testable()).isFalse();
        assertThat(evidence.pValue()).isNaN();
        assertThat(evidence.ciLow()).isNaN();
        assertThat(evidence.change()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void logNoiseIsPooledStandardDeviationOfLogForkMeans() {
        double[] base = {Math.exp(0.0), Math.exp(0.02), Math.exp(-0.02)};
        double[] candidate = {Math.exp(1.0), Math.exp(1.04), Math.exp(0.96)};
        // variances 0.0004 and 0.0016 with 2 dof each -> pooled sqrt(0.001)
        ForkEvidence evidence = ForkEvidence.of(base, candidate, Direction.LOWER_IS_BETTER, 0.95, 0.05);

        assertThat(evidence.logNoise()).isCloseTo(Math.sqrt(0.001), within(1e-12));
    }

    @Test
    void rejectsNonPositiveForkMeans() {
        assertThatThrownBy(() -> ForkEvidence.of(new double[] {1, 0}, new double[] {1, 2},
                Direction.LOWER_IS_BETTER, 0.95, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void candidateForksNeededAgainstAFixedBaseGrowsWithNoiseAndRunShiftAndCanBeImpossible() {
        // 3% noise, 20 base forks, 5%: (ln 1.05 / 2.80)^2 (3/pi) / 0.03^2 = 0.322; 1/(0.322 - 1/20) = 3.7
        assertThat(ForkEvidence.candidateForksNeeded(0.03, 0, 20, 0.05, 0.05, 0.8)).isEqualTo(4);
        assertThat(ForkEvidence.candidateForksNeeded(0.03, 0.01, 20, 0.05, 0.05, 0.8)).isGreaterThan(4);
        assertThat(ForkEvidence.candidateForksNeeded(0.09, 0, 20, 0.05, 0.05, 0.8)).isEqualTo(-1);
        assertThat(ForkEvidence.candidateForksNeeded(0.03, 0.02, 20, 0.05, 0.05, 0.8)).isEqualTo(-1);
        assertThat(ForkEvidence.candidateForksNeeded(Double.NaN, 0, 20, 0.05, 0.05, 0.8)).isZero();
    }

    /**
     * Twelve fork pairs whose machine state swings by up to 20% from pair to pair, the candidate 3%
     * slower in each pair: compared as two independent samples the swing hides the change; pair by
     * pair it cancels, and the 3% is significant with a tight interval.
     */
    @Test
    void pairsCancelWhatAPairsForksShare() {
        double[] drift = {1.00, 1.20, 0.85, 1.10, 0.95, 1.15, 0.90, 1.05, 1.18, 0.88, 1.02, 0.97};
        double[] wobble = {0.004, -0.003, 0.002, -0.001, 0.003, -0.004, 0.001, -0.002, 0.0035, -0.0025, 0.0015,
                -0.0005};
        double[] base = new double[drift.length];
        double[] candidate = new double[drift.length];
        for (int i = 0; i < drift.length; i++) {
            base[i] = 100 * drift[i];
            candidate[i] = 103 * drift[i] * Math.exp(wobble[i]);
        }

        ForkEvidence independent = ForkEvidence.of(base, candidate, Direction.LOWER_IS_BETTER, 0.95, 0.05);
        ForkEvidence paired = ForkEvidence.paired(base, candidate, Direction.LOWER_IS_BETTER, 0.95, 0.05);

        assertThat(independent.pValue()).isGreaterThan(0.05);
        assertThat(paired.paired()).isTrue();
        assertThat(paired.pValue()).isCloseTo(2.0 / 4096, within(1e-12));
        assertThat(paired.change()).isCloseTo(0.03, within(0.002));
        assertThat(paired.ciLow()).isGreaterThan(0.025);
        assertThat(paired.ciHigh()).isLessThan(0.035);
        // the noise of one pair's log difference, over sqrt(2): what the per-side formulas expect
        double[] d = new double[wobble.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.log(1.03) + wobble[i];
        }
        double sd = Math.sqrt(new org.apache.commons.math3.stat.descriptive.moment.Variance(true).evaluate(d));
        assertThat(paired.logNoise()).isCloseTo(sd / Math.sqrt(2), within(1e-12));
    }

    @Test
    void pairedNeedsAsManyForksOnBothSidesAndSixPairsToBeTestable() {
        assertThatThrownBy(() -> ForkEvidence.paired(new double[] {1, 2}, new double[] {1}, Direction.LOWER_IS_BETTER,
                0.95, 0.05)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
        double[] five = {1, 1.1, 0.9, 1.05, 0.95};
        double[] six = {1, 1.1, 0.9, 1.05, 0.95, 1.02};
        assertThat(ForkEvidence.paired(five, five, Direction.LOWER_IS_BETTER, 0.95, 0.05).testable()).isFalse();
        assertThat(ForkEvidence.paired(six, six, Direction.LOWER_IS_BETTER, 0.95, 0.05).testable()).isTrue();
    }
}
