package dev.perfgate.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.Verdict;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ComparisonRowTest {

    private static final BenchmarkId ID = BenchmarkId.of("dev.x.Bench.run", Mode.AVERAGE_TIME, Map.of());

    private static ComparisonRow row(String metric, Verdict verdict, double change, double ciLow, double ciHigh) {
        return new ComparisonRow(ID, metric, "us/op", 10, 10 * (1 + change), 5,
                new Decision(verdict, change, ciLow, ciHigh, 0.01, 0.03, 20, ""));
    }

    @Test
    void aRegressionIsAlwaysInDoubtSoThatConfirmationChecksIt() {
        assertThat(row(ComparisonRow.PRIMARY, Verdict.REGRESSION, 0.12, 0.08, 0.16).inDoubt()).isTrue();
    }

    @Test
    void anInconclusiveResultIsInDoubtWhenItsEstimateIsWorseThanTheThreshold() {
        assertThat(row(ComparisonRow.PRIMARY, Verdict.INCONCLUSIVE, 0.07, -0.01, 0.15).inDoubt()).isTrue();
    }

    @Test
    void anInconclusiveResultWithinTheThresholdIsInDoubtWhileItsIntervalDoesNotRuleOutTheThreshold() {
        // +3.1% [+0.0%, +6.4%]: what the decision rule calls inconclusive rather than unchanged.
        assertThat(row(ComparisonRow.PRIMARY, Verdict.INCONCLUSIVE, 0.031, 0.0, 0.064).inDoubt()).isTrue();
    }

    @Test
    void anInconclusiveResultWithoutEstimateOrIntervalBeyondTheThresholdIsNotInDoubt() {
        assertThat(row(ComparisonRow.PRIMARY, Verdict.INCONCLUSIVE, 0.03, Double.NaN, Double.NaN).inDoubt())
                .isFalse();
        assertThat(row(ComparisonRow.PRIMARY, Verdict.INCONCLUSIVE, Double.NaN, Double.NaN, Double.NaN).inDoubt())
                .isFalse();
    }

    @Test
    void anUnchangedResultIsInDoubtWhileItsIntervalDoesNotRuleOutTheThreshold() {
        // The decision rule never calls this unchanged; a row decided elsewhere is still judged by its interval.
        assertThat(row(ComparisonRow.PRIMARY, Verdict.UNCHANGED, 0.04, -0.01, 0.09).inDoubt()).isTrue();
        assertThat(row(ComparisonRow.PRIMARY, Verdict.UNCHANGED, 0.01, -0.02, 0.04).inDoubt()).isFalse();
        assertThat(row(ComparisonRow.PRIMARY, Verdict.UNCHANGED, 0.01, Double.NaN, Double.NaN).inDoubt()).isFalse();
    }

    @Test
    void improvementsAndSecondaryMetricsAreNeverInDoubt() {
        assertThat(row(ComparisonRow.PRIMARY, Verdict.IMPROVEMENT, -0.2, -0.25, 0.06).inDoubt()).isFalse();
        assertThat(row("gc.alloc.rate.norm", Verdict.REGRESSION, 0.5, 0.4, 0.6).inDoubt()).isFalse();
    }
}
