package dev.perfgate.cli;

import dev.perfgate.core.baseline.Approval;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which profile a run uses and how it groups benchmarks into JMH runs; no JMH runs here. */
class PlannedRunsTest {

    private static final String COSINE = "dev.perfgate.kernels.CosineSimilarityBenchmark.batch";
    private static final String DECAY = "dev.perfgate.kernels.MemoryDecayBenchmark.decay";
    private static final String SPREAD = "dev.perfgate.kernels.SpreadingActivationBenchmark.spread";
    private static final RunPlan FEW_FORKS = new RunPlan(7, 2, 4, Duration.ofSeconds(1), 0.028, 0.5, 45.5, 0.045);
    private static final RunPlan MANY_FORKS = new RunPlan(56, 2, 1, Duration.ofSeconds(1), 0.089, 0.5, 196, 0.049);
    private static final String WHERE = "baselines/linux-x86_64.json";

    private static BaselineEntry entry(String name, Map<String, String> params, RunPlan plan) {
        Measurement m = new Measurement("us/op", 1, Double.NaN, List.of(List.of(1.0, 1.0), List.of(1.0, 1.0)));
        return new BaselineEntry(BenchmarkId.of(name, Mode.AVERAGE_TIME, params), m, null, null,
                new Approval(Instant.EPOCH, "ci", "test", "", ""), null, plan);
    }

    private static Optional<Baseline> set(BaselineEntry... entries) {
        return Optional.of(new Baseline(PlatformKey.parse("linux-x86_64"), null,
                new Fingerprint("", 2, "", "17", List.of(), "", ""), Instant.EPOCH, List.of(entries)));
    }

    private static RunOptions options(Profile profile) {
        RunOptions options = new RunOptions();
        options.profile = profile;
        options.out = java.nio.file.Path.of("results.json");
        options.jvmArgs = new ArrayList<>();
        return options;
    }

    @Test
    void calibratedIsTheDefaultOnceEverySelectedBenchmarkHasAPlan() throws Exception {
        PlannedRuns.Selection selection = PlannedRuns.select(options(null), List.of(COSINE, DECAY),
                set(entry(COSINE, Map.of(), FEW_FORKS), entry(DECAY, Map.of(), MANY_FORKS)), WHERE);

        assertThat(selection.profile()).isEqualTo(Profile.CALIBRATED);
        assertThat(selection.reason()).contains("calibrated profile: every selected benchmark has a run plan", WHERE,
                "2 distinct run plans");
        assertThat(selection.groups()).extracting(PlannedRuns.Group::methods)
                .containsExactly(List.of(COSINE), List.of(DECAY));
        assertThat(selection.groups().get(0).options().settings())
                .containsExactly("-f", "7", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s");
        assertThat(selection.groups().get(1).options().settings())
                .containsExactly("-f", "56", "-wi", "2", "-w", "1s", "-i", "1", "-r", "1s");
        assertThat(selection.groups()).extracting(PlannedRuns.Group::expectedSeconds).containsExactly(45.5, 196.0);
    }

    @Test
    void expectedSecondsWeighEachMethodByItsPlanOrTheFixedSettingsTimesItsBenchmarks() throws Exception {
        Optional<Baseline> set = set(entry(COSINE, Map.of("dim", "768"), FEW_FORKS),
                entry(COSINE, Map.of("dim", "1536"), FEW_FORKS), entry(DECAY, Map.of(), MANY_FORKS),
                entry(SPREAD, Map.of(), null));
        String unknown = "x.New.bench";

        Map<String, Double> planned = PlannedRuns.expectedSeconds(PlannedRuns.select(options(Profile.CALIBRATED),
                List.of(COSINE, DECAY, SPREAD, unknown), set, WHERE), set.orElseThrow());
        Map<String, Double> fixed = PlannedRuns.expectedSeconds(PlannedRuns.select(options(Profile.STANDARD),
                List.of(COSINE, DECAY, SPREAD), set, WHERE), set.orElseThrow());

        // Planned: 2 benchmarks x 45.5 s, 1 x 196 s; spreading has no plan: the standard profile's
        // 20 forks x (2 + 4 x 1 s + 0.5 s). A method without entries is left to the caller's default.
        assertThat(planned).containsExactly(Map.entry(COSINE, 91.0), Map.entry(DECAY, 196.0),
                Map.entry(SPREAD, 130.0));
        assertThat(fixed).containsExactly(Map.entry(COSINE, 260.0), Map.entry(DECAY, 130.0),
                Map.entry(SPREAD, 130.0));
    }

    @Test
    void benchmarksWithIdenticalPlansShareOneJmhRun() throws Exception {
        PlannedRuns.Selection selection = PlannedRuns.select(options(null), List.of(COSINE, SPREAD),
                set(entry(COSINE, Map.of(), FEW_FORKS), entry(SPREAD, Map.of(), FEW_FORKS)), WHERE);

        assertThat(selection.groups()).singleElement()
                .satisfies(g -> assertThat(g.methods()).containsExactly(COSINE, SPREAD));
    }

    @Test
    void withoutAPlanForEveryBenchmarkTheDefaultIsStandardAndSaysWhichLackOne() throws Exception {
        PlannedRuns.Selection selection = PlannedRuns.select(options(null), List.of(COSINE, DECAY),
                set(entry(COSINE, Map.of(), FEW_FORKS), entry(DECAY, Map.of(), null)), WHERE);

        assertThat(selection.profile()).isEqualTo(Profile.STANDARD);
        assertThat(selection.reason()).contains("standard profile: 1 of 2 benchmark methods have no run plan",
                "MemoryDecayBenchmark.decay", "perf-gate calibrate plans them");
        assertThat(selection.groups()).singleElement().satisfies(g -> assertThat(g.options().settings())
                .containsExactly("-f", "20", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s"));
        assertThat(selection.plans()).isEmpty();
    }

    @Test
    void askedForCalibratedABenchmarkWithoutAPlanRunsTheFixedSettingsAndSaysSo() throws Exception {
        RunOptions options = options(Profile.CALIBRATED);
        options.forks = 4;
        options.iterationTime = "100ms";

        PlannedRuns.Selection selection = PlannedRuns.select(options, List.of(COSINE, DECAY),
                set(entry(COSINE, Map.of(), FEW_FORKS)), WHERE);

        assertThat(selection.profile()).isEqualTo(Profile.CALIBRATED);
        assertThat(selection.reason()).contains("without a run plan, MemoryDecayBenchmark.decay runs the standard "
                + "profile's settings (-f 4 -wi 2 -w 100ms -i 4 -r 100ms)");
        assertThat(selection.groups()).hasSize(2);
        // The plan is run as planned: the overrides are for the benchmarks without one.
        assertThat(selection.groups().get(0).options().settings())
                .containsExactly("-f", "7", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s");
        assertThat(selection.groups().get(1).methods()).containsExactly(DECAY);
        assertThat(selection.plans()).containsOnlyKeys(COSINE);
    }

    @Test
    void settingsOnTheCommandLineMeanTheFixedProfile() throws Exception {
        RunOptions options = options(null);
        options.forks = 4;

        PlannedRuns.Selection selection = PlannedRuns.select(options, List.of(COSINE),
                set(entry(COSINE, Map.of(), FEW_FORKS)), WHERE);

        assertThat(selection.profile()).isEqualTo(Profile.STANDARD);
        assertThat(selection.plans()).isEmpty();
        assertThat(selection.groups().get(0).options().settings()).startsWith("-f", "4");
    }

    @Test
    void aFixedProfileAskedForIsUsedWithoutComment() throws Exception {
        PlannedRuns.Selection selection = PlannedRuns.select(options(Profile.QUICK), List.of(COSINE),
                set(entry(COSINE, Map.of(), FEW_FORKS)), WHERE);

        assertThat(selection.profile()).isEqualTo(Profile.QUICK);
        assertThat(selection.reason()).isEmpty();
    }

    @Test
    void aMethodWhoseParameterCombinationsHaveDifferentPlansRunsOneThatCoversThemAll() throws Exception {
        RunPlan shortIterations = new RunPlan(10, 4, 6, Duration.ofMillis(500), 0.03, 0.6, 80, 0.04);
        PlannedRuns.Selection selection = PlannedRuns.select(options(null), List.of(COSINE),
                set(entry(COSINE, Map.of("dim", "768"), FEW_FORKS), entry(COSINE, Map.of("dim", "64"), shortIterations)),
                WHERE);

        RunPlan covering = selection.plans().get(COSINE);

        assertThat(covering.forks()).isEqualTo(10);
        assertThat(covering.iterationTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(covering.warmupIterations()).isEqualTo(2);
        assertThat(covering.iterations()).isEqualTo(4);
        assertThat(covering.forkCostSeconds()).isEqualTo(0.6);
        assertThat(selection.groups().get(0).expectedSeconds()).isCloseTo(2 * covering.expectedSeconds(),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aConfirmationRerunAddsForksOfTheShapeTheResultsWereMeasuredWith() throws Exception {
        RunOptions run = options(Profile.CALIBRATED);
        run.plans = Map.of(COSINE, FEW_FORKS, DECAY, MANY_FORKS);
        Measurement m = new Measurement("us/op", 1, Double.NaN, List.of(List.of(1.0), List.of(1.0)));
        // Cosine was measured as a command line asked (3 + 2 x 100 ms), not by its plan; decay's results
        // do not say their iteration times, so decay reruns by its plan.
        List<BenchmarkResult> results = List.of(
                new BenchmarkResult(entry(COSINE, Map.of(), FEW_FORKS).id(), m, Map.of(), new RunSettings("", "", "",
                        "", "", List.of(), 1, 4, 3, 2, Duration.ofMillis(100), Duration.ofMillis(100))),
                new BenchmarkResult(entry(DECAY, Map.of(), MANY_FORKS).id(), m, Map.of(), new RunSettings("", "", "",
                        "", "", List.of(), 1, 56, 2, 1)));

        PlannedRuns.Selection rerun = PlannedRuns.withForks(run, List.of(COSINE, DECAY), 12, results);

        assertThat(rerun.groups()).extracting(PlannedRuns.Group::methods)
                .containsExactly(List.of(COSINE), List.of(DECAY));
        assertThat(rerun.groups().get(0).options().settings())
                .containsExactly("-f", "12", "-wi", "3", "-w", "100ms", "-i", "2", "-r", "100ms");
        assertThat(rerun.groups().get(1).options().settings())
                .containsExactly("-f", "12", "-wi", "2", "-w", "1s", "-i", "1", "-r", "1s");
    }

    @Test
    void aConfirmationRerunOfResultsOfTwoShapesOrOfAnUnrepeatableOneUsesTheRunsSettings() throws Exception {
        RunOptions run = options(Profile.STANDARD);
        Measurement m = new Measurement("us/op", 1, Double.NaN, List.of(List.of(1.0), List.of(1.0)));
        BenchmarkId small = BenchmarkId.of(COSINE, Mode.AVERAGE_TIME, Map.of("dim", "64"));
        BenchmarkId large = BenchmarkId.of(COSINE, Mode.AVERAGE_TIME, Map.of("dim", "768"));
        BenchmarkId decay = BenchmarkId.of(DECAY, Mode.AVERAGE_TIME, Map.of());
        BenchmarkId spread = BenchmarkId.of(SPREAD, Mode.AVERAGE_TIME, Map.of());
        List<BenchmarkResult> results = List.of(
                // One method, two shapes: no one shape to repeat.
                new BenchmarkResult(small, m, Map.of(), settings(3, 2, Duration.ofMillis(100), Duration.ofMillis(100))),
                new BenchmarkResult(large, m, Map.of(), settings(2, 4, Duration.ofSeconds(1), Duration.ofSeconds(1))),
                // A warm-up of another iteration time than the measurement's: not repeatable with one time.
                new BenchmarkResult(decay, m, Map.of(), settings(2, 4, Duration.ofSeconds(2), Duration.ofSeconds(1))),
                // No warm-up at all: its warm-up time does not matter.
                new BenchmarkResult(spread, m, Map.of(), settings(0, 5, Duration.ZERO, Duration.ofMillis(500))));

        PlannedRuns.Selection rerun = PlannedRuns.withForks(run, List.of(COSINE, DECAY, SPREAD), 6, results);

        assertThat(rerun.groups()).extracting(PlannedRuns.Group::methods)
                .containsExactly(List.of(SPREAD), List.of(COSINE, DECAY));
        assertThat(rerun.groups().get(0).options().settings())
                .containsExactly("-f", "6", "-wi", "0", "-w", "500ms", "-i", "5", "-r", "500ms");
        assertThat(rerun.groups().get(1).options().settings())
                .containsExactly("-f", "6", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s");
    }

    private static RunSettings settings(int warmup, int iterations, Duration warmupTime, Duration time) {
        return new RunSettings("", "", "", "", "", List.of(), 1, 4, warmup, iterations, warmupTime, time);
    }

    @Test
    void aBenchmarkMeasuredWithItsPlanIsExpectedToHaveThePlansForkNoise() {
        Noise calibrated = new Noise(0.04, 0.02, 3, 60, Instant.EPOCH);
        BaselineEntry cosine = entry(COSINE, Map.of(), FEW_FORKS).withNoise(calibrated);
        BaselineEntry decay = entry(DECAY, Map.of(), MANY_FORKS).withNoise(calibrated);
        Measurement m = new Measurement("us/op", 1, Double.NaN, List.of(List.of(1.0), List.of(1.0)));
        // Cosine ran its plan (2 + 4 x 1 s), decay the standard profile rather than its plan.
        List<BenchmarkResult> current = List.of(
                new BenchmarkResult(cosine.id(), m, Map.of(), new RunSettings("", "", "", "", "", List.of(), 1, 7, 2, 4,
                        Duration.ofSeconds(1), Duration.ofSeconds(1))),
                new BenchmarkResult(decay.id(), m, Map.of(), new RunSettings("", "", "", "", "", List.of(), 1, 20, 2, 4,
                        Duration.ofSeconds(1), Duration.ofSeconds(1))));

        Map<BenchmarkId, Noise> noise = PlannedRuns.noiseAtPlans(set(cosine, decay).orElseThrow(), current);

        assertThat(noise.get(cosine.id()).forkLogSd()).isEqualTo(0.028);
        assertThat(noise.get(cosine.id()).runLogSd()).isEqualTo(0.02);
        assertThat(noise.get(decay.id())).isEqualTo(calibrated);
    }
}
