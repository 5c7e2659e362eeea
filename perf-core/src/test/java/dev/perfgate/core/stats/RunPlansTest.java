package dev.perfgate.core.stats;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.RunSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunPlansTest {

    private static final RunPlanner PLANNER = RunPlanner.of(GatePolicy.DEFAULT);
    private static final BenchmarkId DECAY = BenchmarkId.of("dev.perfgate.kernels.MemoryDecayBenchmark.decay",
            Mode.AVERAGE_TIME, Map.of());

    /** A run of 2 warm-up and {@code iterations} measurement iterations of 1 s. */
    private static BenchmarkResult result(BenchmarkId id, Measurement m, int iterations) {
        return new BenchmarkResult(id, m, Map.of(), new RunSettings("1.37", "/usr/bin/java", "17", "", "", List.of(), 1,
                m.forks().size(), 2, iterations, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void aCalibrationThatStartedSettledIsPlannedFromAllItsIterationsWithItsOwnWarmUp() {
        List<BenchmarkResult> runs = VarianceComponentsTest.synthetic(3, 20, 4, 0.03, 0.05, 0.5, 0.01, 21).stream()
                .map(m -> result(DECAY, m, 4)).toList();

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        assertThat(outcome.reason()).isEmpty();
        assertThat(outcome.unsettled()).isZero();
        assertThat(outcome.model().forks()).isEqualTo(60);
        assertThat(outcome.model().iterations()).isEqualTo(4);
        assertThat(outcome.plan().warmupIterations()).isEqualTo(2);
        assertThat(outcome.plan().iterationTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(outcome.plan().forkCostSeconds()).isEqualTo(0.5);
    }

    @Test
    void aFirstIterationStillWarmingUpBecomesWarmUpAndLeavesTheModel() {
        List<BenchmarkResult> runs = new ArrayList<>();
        for (Measurement m : VarianceComponentsTest.synthetic(2, 20, 5, 0.03, 0.05, 0.5, 0, 22)) {
            // Like the vector kernels before C2 compiles them: the first measured iteration 10,000x slower.
            List<List<Double>> forks = m.forks().stream().map(f -> {
                List<Double> copy = new ArrayList<>(f);
                copy.set(0, f.get(0) * 10_000);
                return (List<Double>) copy;
            }).toList();
            runs.add(result(DECAY, new Measurement(m.unit(), m.score(), m.scoreError(), forks), 5));
        }

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        assertThat(outcome.unsettled()).isEqualTo(1);
        assertThat(outcome.model().iterations()).isEqualTo(4);
        assertThat(outcome.model().iterationLogSd()).isCloseTo(0.05, within(0.015));
        assertThat(outcome.plan().warmupIterations()).isEqualTo(3);
    }

    @Test
    void iterationsThatDriftWithinForksAreNotPlanned() {
        List<BenchmarkResult> runs = new ArrayList<>();
        for (Measurement m : VarianceComponentsTest.synthetic(2, 20, 4, 0.03, 0.02, 0.3, 0, 25)) {
            // Each fork still getting faster by 15% per iteration, none far enough off to be warm-up by the first rule.
            List<List<Double>> forks = m.forks().stream().map(f -> {
                List<Double> copy = new ArrayList<>();
                for (int i = 0; i < f.size(); i++) {
                    copy.add(f.get(i) * Math.pow(1.15, f.size() - i));
                }
                return (List<Double>) copy;
            }).toList();
            runs.add(result(DECAY, new Measurement(m.unit(), m.score(), m.scoreError(), forks), 4));
        }

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        // Settling's trend rule sees the drift across the 40 forks before the model is fitted.
        assertThat(outcome.plan()).isNull();
        assertThat(outcome.model()).isNull();
        assertThat(outcome.reason()).contains("had not settled");
    }

    @Test
    void iterationsThatMoveTogetherAtTheModelsLimitArePlannedAsForksOfTheCalibrationsShape() {
        // Fork levels 8% apart, each fork's iterations moving steadily up or down: with 4 iterations a
        // fork this is indistinguishable from iteration noise with a lag-1 autocorrelation near 1.
        List<Measurement> measurements = VarianceComponentsTest.wandering(2, 20, 4, 0.08, 0.01, 26);
        List<BenchmarkResult> runs = measurements.stream().map(m -> result(DECAY, m, 4)).toList();

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        assertThat(outcome.model().iterationLag1()).isEqualTo(VarianceComponents.MAX_LAG1);
        assertThat(outcome.calibrationShape()).isTrue();
        assertThat(outcome.reason()).isEmpty();
        RunPlan plan = outcome.plan();
        assertThat(plan.iterations()).isEqualTo(4);
        assertThat(plan.iterationTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.warmupIterations()).isEqualTo(2);
        // The plan expects the spread of fork means the calibration showed: the clamped model's own
        // figure for a fork of 4 iterations would be larger than anything the data show.
        assertThat(plan.forkLogSd()).isCloseTo(VarianceComponentsTest.pooledSdOfLogForkMeans(measurements),
                within(1e-6));
        assertThat(plan.forks()).isEqualTo(Math.min(RunPlanner.DEFAULT_MAX_FORKS,
                ForkEvidence.forksNeeded(plan.forkLogSd(), 0.05, GatePolicy.DEFAULT.alpha(),
                        GatePolicy.DEFAULT.power())));
    }

    @Test
    void singleShotBenchmarksAreNotPlannedAndSaySo() {
        BenchmarkId cold = BenchmarkId.of("x.Cold.start", Mode.SINGLE_SHOT, Map.of());
        List<BenchmarkResult> runs = VarianceComponentsTest.synthetic(2, 10, 4, 0.03, 0.05, 0.5, 0, 23).stream()
                .map(m -> result(cold, m, 4)).toList();

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        assertThat(outcome.plan()).isNull();
        assertThat(outcome.reason()).contains("single-shot");
    }

    @Test
    void resultsWithoutAnIterationTimeAreNotPlanned() {
        Measurement m = VarianceComponentsTest.synthetic(1, 10, 4, 0.03, 0.05, 0.5, 0, 24).get(0);
        BenchmarkResult noTime = new BenchmarkResult(DECAY, m, Map.of(), new RunSettings("1.21", "", "", "", "",
                List.of(), 1, 10, 2, 4));

        assertThat(RunPlans.of(PLANNER, List.of(noTime), 0.5, 0.05).reason()).contains("iteration time");
    }

    @Test
    void unsettledIterationsCountsTheLeadingIterationsThatWereStillWarmUp() {
        List<List<Double>> settled = new ArrayList<>();
        List<List<Double>> firstOff = new ArrayList<>();
        List<List<Double>> twoOff = new ArrayList<>();
        List<List<Double>> settlesLate = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            double w = 1 + 0.01 * f;
            settled.add(List.of(100 * w, 102 * w, 99 * w, 101 * w, 100.5 * w));
            firstOff.add(List.of(f == 3 ? 41_000.0 : 100 * w, 102 * w, 99 * w, 101 * w, 100.5 * w));
            twoOff.add(List.of(9000 * w, 400 * w, 99 * w, 101 * w, 100.5 * w));
            // Two forks far off until their fourth iteration.
            settlesLate.add(f < 2 ? List.of(1e8 * w, 1e6 * w, 1e4 * w, 100 * w, 101 * w)
                    : List.of(100 * w, 102 * w, 99 * w, 101 * w, 100.5 * w));
        }

        assertThat(RunPlans.unsettledIterations(List.of(measurement(settled)))).isZero();
        assertThat(RunPlans.unsettledIterations(List.of(measurement(settled), measurement(firstOff)))).isEqualTo(1);
        assertThat(RunPlans.unsettledIterations(List.of(measurement(twoOff)))).isEqualTo(2);
        assertThat(RunPlans.unsettledIterations(List.of(measurement(settlesLate)))).isEqualTo(3);
        assertThat(RunPlans.withoutLeading(measurement(twoOff), 2).forks().get(0)).hasSize(3);
    }

    @Test
    void ordinaryAutocorrelatedNoiseIsNotTakenForWarmUp() {
        List<Measurement> runs = VarianceComponentsTest.synthetic(3, 20, 4, 0.09, 0.05, 0.5, 0.03, 11);

        assertThat(RunPlans.unsettledIterations(runs)).isZero();
    }

    private static Measurement measurement(List<List<Double>> forks) {
        return new Measurement("us/op", 100, Double.NaN, forks);
    }

    /**
     * Iterations that swing in a pattern within each fork ([+a, -a, -a, +a], the sign random per fork)
     * while the fork means barely differ: the model, which knows AR(1) iterations only, expects fork
     * means of 4 iterations to spread more than twice as far as they did. Forks of the calibration's shape planned
     * from the measured spread are far cheaper than anything the model plans, so they are the plan.
     */
    @Test
    void forksOfTheCalibrationsShapeWinWhereTheModelExpectsMoreNoiseThanTheForksShowed() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(31);
        double[] pattern = {1, -1, -1, 1};
        List<BenchmarkResult> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<List<Double>> forks = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                double level = 100 * Math.exp(0.01 * random.nextGaussian());
                double sign = random.nextBoolean() ? 1 : -1;
                List<Double> iterations = new ArrayList<>();
                for (double p : pattern) {
                    iterations.add(level * Math.exp(sign * 0.05 * p + 0.005 * random.nextGaussian()));
                }
                forks.add(iterations);
            }
            runs.add(result(DECAY, new Measurement("us/op", 100, Double.NaN, forks), 4));
        }

        RunPlans.Outcome outcome = RunPlans.of(PLANNER, runs, 0.5, 0.05);

        assertThat(outcome.model().iterationLag1()).isLessThan(VarianceComponents.MAX_LAG1);
        assertThat(outcome.model().forkComponentLogSd()).isZero();
        assertThat(outcome.calibrationShape()).isTrue();
        RunPlan modelled = PLANNER.plan(outcome.model(), RunPlanner.Calibration.of(2, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0), 0.5, 0.05);
        assertThat(outcome.plan().iterations()).isEqualTo(4);
        assertThat(outcome.plan().expectedSeconds()).isLessThan(modelled.expectedSeconds());
        assertThat(outcome.plan().forkLogSd()).isLessThan(0.015);
    }

    @Test
    void theMeasuredShapeIsPreferredWhenOnlyItDecidesOrWhenItIsCheaper() {
        RunPlan cheapDeciding = new RunPlan(26, 2, 4, Duration.ofSeconds(1), 0.06, 1.6, 198, 0.049);
        RunPlan dearDeciding = new RunPlan(53, 2, 1, Duration.ofSeconds(1), 0.087, 1.6, 244, 0.0496);
        RunPlan cheapUndecided = new RunPlan(60, 2, 4, Duration.ofSeconds(1), 0.127, 1.6, 456, 0.07);
        RunPlan dearUndecided = new RunPlan(60, 1, 27, Duration.ofSeconds(4), 0.108, 1.6, 6816, 0.058);

        assertThat(RunPlans.preferMeasured(cheapDeciding, dearDeciding, 0.05)).isTrue();
        assertThat(RunPlans.preferMeasured(dearDeciding, cheapDeciding, 0.05)).isFalse();
        assertThat(RunPlans.preferMeasured(cheapUndecided, dearDeciding, 0.05)).isFalse();
        assertThat(RunPlans.preferMeasured(dearDeciding, cheapUndecided, 0.05)).isTrue();
        assertThat(RunPlans.preferMeasured(cheapUndecided, dearUndecided, 0.05)).isTrue();
    }
}
