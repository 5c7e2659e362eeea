package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AllocationRuleTest {

    private final AllocationRule rule = new AllocationRule(GatePolicy.DEFAULT);

    @Test
    void zeroAgainstAFewThousandthsOfAByteIsUnchanged() {
        Decision decision = rule.decide(forks(10, 0.0), forks(10, 0.002));

        assertThat(decision.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(decision.change()).as("no ratio against a zero baseline").isNaN();
        assertThat(decision.note()).isEmpty();
    }

    @Test
    void fortyEightToSeventyTwoBytesIsARegressionOfFiftyPercent() {
        Decision decision = rule.decide(forks(5, 48.0), forks(5, 72.0));

        assertThat(decision.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decision.change()).isCloseTo(0.5, within(1e-12));
        assertThat(decision.note()).contains("+24.0 B/op");
    }

    @Test
    void oneForkAllocatingWhereEscapeAnalysisFailedIsUnchanged() {
        double[] candidate = forks(10, 0.0);
        candidate[3] = 24.0;

        assertThat(rule.decide(forks(10, 0.0), candidate).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void halfAPercentMoreBytesIsWithinTheOnePercentTolerance() {
        assertThat(rule.decide(forks(10, 1000.0), forks(10, 1005.0)).verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void justOverOnePercentMoreBytesIsARegression() {
        assertThat(rule.decide(forks(10, 2000.0), forks(10, 2021.0)).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void dropBeyondToleranceIsAnImprovement() {
        Decision decision = rule.decide(forks(10, 1000.0), forks(10, 950.0));

        assertThat(decision.verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(decision.change()).isCloseTo(-0.05, within(1e-12));
    }

    @Test
    void smallBaselineUsesTheAbsoluteToleranceOfOneSmallestObject() {
        assertThat(rule.decide(forks(3, 16.0), forks(3, 31.0)).verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(rule.decide(forks(3, 16.0), forks(3, 33.0)).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(rule.decide(forks(3, 40.0), forks(3, 23.0)).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void oneForkPerSideSufficesBecauseNoTestIsMade() {
        Decision decision = rule.decide(new double[] {48}, new double[] {72});

        assertThat(decision.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(decision.pValue()).isNaN();
    }

    @Test
    void noSamplesIsInconclusive() {
        Decision decision = rule.decide(new double[0], forks(3, 1.0));

        assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decision.note()).contains("no allocation samples");
    }

    private static double[] forks(int count, double bytesPerOp) {
        double[] values = new double[count];
        Arrays.fill(values, bytesPerOp);
        return values;
    }
}
