package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunPlannerTest {

    private static final double THRESHOLD = 0.05;
    private static final double FORK_COST = 0.5;
    private static final RunPlanner PLANNER = RunPlanner.of(GatePolicy.DEFAULT);
    private static final RunPlanner.Calibration ONE_SECOND = RunPlanner.Calibration.of(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 0);

    private static double seconds(RunPlan plan) {
        return plan.forks() * (plan.forkCostSeconds()
                + (plan.warmupIterations() + plan.iterations()) * plan.iterationTime().toNanos() / 1e9);
    }

    @Test
    void highForkNoiseGetsManyForksOfFewIterations() {
        // 7% between forks, 5% iteration noise within them: iterations cannot remove the larger part.
        VarianceComponents model = new VarianceComponents(0.05, 0.5, 0.07, 40, 4);

        RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);

        assertThat(plan.iterations()).isEqualTo(1);
        assertThat(plan.forks()).isBetween(45, 60);
        assertThat(plan.decides(THRESHOLD)).isTrue();
        assertThat(plan.iterationTime()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void autocorrelatedIterationNoiseWithLittleForkNoiseGetsMoreIterationsPerFork() {
        VarianceComponents model = new VarianceComponents(0.10, 0.5, 0.005, 40, 10);
        RunPlanner.Calibration shortIterations = RunPlanner.Calibration.of(5, Duration.ofMillis(100), Duration.ofMillis(100), 0);

        RunPlan plan = PLANNER.plan(model, shortIterations, FORK_COST, THRESHOLD);

        assertThat(plan.iterations()).isGreaterThanOrEqualTo(10);
        assertThat(plan.forks()).isLessThanOrEqualTo(10);
        assertThat(plan.decides(THRESHOLD)).isTrue();
    }

    @Test
    void theForksAreTheGatesOwnFormulaAtThePlansForkMeanNoise() {
        VarianceComponents model = new VarianceComponents(0.05, 0.5, 0.03, 40, 4);

        RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);
        double sd = Math.sqrt(model.forkMeanVariance(plan.iterations()));

        assertThat(plan.forks()).isEqualTo(Math.max(4, ForkEvidence.forksNeeded(sd, THRESHOLD, 0.05, 0.8)));
        assertThat(plan.detects()).isEqualTo(ForkEvidence.minDetectableChange(sd, plan.forks(), plan.forks(), 0.05,
                0.8));
        assertThat(plan.detects()).isLessThanOrEqualTo(THRESHOLD);
        assertThat(plan.forkLogSd()).isEqualTo(sd);
        assertThat(plan.expectedSeconds()).isCloseTo(seconds(plan), within(1e-9));
        assertThat(plan.warmupIterations()).isEqualTo(2);
    }

    @Test
    void noOtherIterationCountDecidesTheThresholdInLessTime() {
        VarianceComponents model = new VarianceComponents(0.07, 0.6, 0.025, 40, 4);

        RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);

        for (int n = 1; n <= RunPlanner.MAX_ITERATIONS; n++) {
            double sd = Math.sqrt(model.forkMeanVariance(n));
            int forks = Math.max(4, ForkEvidence.forksNeeded(sd, THRESHOLD, 0.05, 0.8));
            assertThat(forks * (FORK_COST + (2 + n) * 1.0)).as("n = %d", n)
                    .isGreaterThanOrEqualTo(plan.expectedSeconds() - 1e-9);
        }
    }

    @Test
    void aCheapForkStartFavoursForksAndAnExpensiveOneIterations() {
        VarianceComponents model = new VarianceComponents(0.08, 0.5, 0.02, 40, 4);

        RunPlan cheap = PLANNER.plan(model, ONE_SECOND, 0.1, THRESHOLD);
        RunPlan expensive = PLANNER.plan(model, ONE_SECOND, 20, THRESHOLD);

        assertThat(expensive.iterations()).isGreaterThan(cheap.iterations());
        assertThat(expensive.forks()).isLessThan(cheap.forks());
    }

    @Test
    void aThresholdOutOfReachWithinTheCapIsSaidAndTheCapsBestPlanReturned() {
        VarianceComponents model = new VarianceComponents(0.03, 0.3, 0.15, 40, 4);

        RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);

        assertThat(plan.forks()).isEqualTo(RunPlanner.DEFAULT_MAX_FORKS);
        assertThat(plan.decides(THRESHOLD)).isFalse();
        double best = ForkEvidence.minDetectableChange(Math.sqrt(model.forkMeanVariance(120)), 60, 60, 0.05, 0.8);
        assertThat(plan.detects()).isGreaterThan(THRESHOLD).isLessThanOrEqualTo(best * 1.05);
        // Not the most expensive plan at the cap: more iterations would buy almost nothing.
        assertThat(plan.iterations() * plan.iterationTime().toSeconds()).isLessThan(30);
    }

    @Test
    void lowNoiseNeedsNoMoreThanTheFewestForksARankTestCanUse() {
        VarianceComponents model = new VarianceComponents(0.01, 0.2, 0.002, 40, 4);

        RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);

        assertThat(plan.forks()).isEqualTo(4);
        assertThat(plan.iterations()).isEqualTo(1);
        assertThat(plan.expectedSeconds()).isCloseTo(4 * (0.5 + 3), within(1e-9));
    }

    @Test
    void unsettledCalibrationIterationsBecomeWarmUpAndWarmUpNeverShrinks() {
        VarianceComponents model = new VarianceComponents(0.05, 0.5, 0.03, 40, 4);

        RunPlan settled = PLANNER.plan(model, RunPlanner.Calibration.of(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 0), FORK_COST,
                THRESHOLD);
        RunPlan unsettled = PLANNER.plan(model, RunPlanner.Calibration.of(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 3), FORK_COST,
                THRESHOLD);

        assertThat(settled.warmupIterations()).isEqualTo(2);
        assertThat(unsettled.warmupIterations()).isEqualTo(5);
    }

    @Test
    void warmUpIsKeptInTimeWhenWarmUpIterationsWereShorterThanMeasurementOnes() {
        VarianceComponents model = new VarianceComponents(0.05, 0.5, 0.03, 40, 4);
        // 10 x 100 ms of warm-up, 1 s measurement iterations: one second of warm-up is one iteration.
        RunPlanner.Calibration calibration = RunPlanner.Calibration.of(10, Duration.ofMillis(100),
                Duration.ofSeconds(1), 0);

        RunPlan plan = PLANNER.plan(model, calibration, FORK_COST, THRESHOLD);

        assertThat(calibration.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.warmupIterations()).isEqualTo(1);
    }

    @Test
    void longerIterationsArePlannedOnlyWhenMoreThanThirtyPayAndWarmUpKeepsItsTime() {
        // Very noisy, strongly correlated 10 ms iterations, no fork component, expensive forks.
        VarianceComponents model = new VarianceComponents(0.3, 0.9, 0, 40, 10);
        RunPlanner.Calibration tenMillis = RunPlanner.Calibration.of(5, Duration.ofMillis(10), Duration.ofMillis(10), 0);

        RunPlan plan = PLANNER.plan(model, tenMillis, 5, THRESHOLD);

        assertThat(plan.iterationTime()).isIn(Duration.ofMillis(20), Duration.ofMillis(40));
        long warmupMillis = plan.warmupIterations() * plan.iterationTime().toMillis();
        assertThat(warmupMillis).isGreaterThanOrEqualTo(50).isLessThan(50 + plan.iterationTime().toMillis());
    }

    @Test
    void neverPlansShorterIterationsThanTheCalibrations() {
        for (double forkSd : new double[] {0, 0.01, 0.05, 0.1}) {
            for (double rho : new double[] {-0.5, 0, 0.5, 0.9}) {
                VarianceComponents model = new VarianceComponents(0.08, rho, forkSd, 40, 4);

                RunPlan plan = PLANNER.plan(model, ONE_SECOND, FORK_COST, THRESHOLD);

                assertThat(plan.iterationTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void aModelThatCannotExtrapolateKeepsTheCalibrationsIterations() {
        VarianceComponents twoIterations = new VarianceComponents(0.05, Double.NaN, 0.03, 40, 2);

        RunPlan plan = PLANNER.plan(twoIterations, ONE_SECOND, FORK_COST, THRESHOLD);

        assertThat(plan.iterations()).isEqualTo(2);
        assertThat(plan.iterationTime()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCapBelowTheRankTestsMinimumIsRefused() {
        assertThatThrownBy(() -> new RunPlanner(0.05, 0.8, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxForks must be >= 4");
    }
}
