package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class GateTest {

    private static final BenchmarkId ALPHA = SyntheticResults.id("Alpha.run", Mode.AVERAGE_TIME);
    private static final BenchmarkId BETA = SyntheticResults.id("Beta.run", Mode.AVERAGE_TIME);
    private static final BenchmarkId GAMMA = SyntheticResults.id("Gamma.run", Mode.AVERAGE_TIME);

    private final Gate gate = new Gate(GatePolicy.DEFAULT);

    @Test
    void benchmarkOnlyInCandidateIsNew() {
        SyntheticResults synthetic = new SyntheticResults(1);
        GateReport report = gate.compare(List.of(),
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03))), Map.of());

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.decision().verdict()).isEqualTo(Verdict.NEW);
            assertThat(row.baseline()).isNaN();
            assertThat(row.current()).isCloseTo(100, within(10.0));
        });
        assertThat(report.fails()).isFalse();
    }

    /**
     * Two runs 12% apart with 3% fork noise: the forks alone make that a clear regression, but not
     * when the benchmark's calibrated run-to-run shift is 6%, because whole runs move that much.
     */
    @Test
    void calibratedRunToRunShiftKeepsADifferenceWithinTheDriftFromFailing() {
        SyntheticResults synthetic = new SyntheticResults(5);
        List<BenchmarkResult> base = List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(20, 100, 0.03)));
        List<BenchmarkResult> slower = List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(20, 112, 0.03)));
        java.time.Instant at = java.time.Instant.parse("2026-11-27T06:00:00Z");

        GateReport plain = gate.compare(base, slower, Map.of());
        GateReport drifting = gate.compare(base, slower, Map.of(),
                Map.of(ALPHA, new dev.perfgate.core.stats.Noise(0.03, 0.06, 10, 200, at)));
        GateReport steady = gate.compare(base, slower, Map.of(),
                Map.of(ALPHA, new dev.perfgate.core.stats.Noise(0.03, 0.005, 10, 200, at)));

        assertThat(plain.rows().get(0).decision().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(drifting.rows().get(0).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(drifting.rows().get(0).decision().note())
                .contains("within the calibrated run-to-run shift of 6.0%", "perf-gate ab");
        assertThat(steady.rows().get(0).decision().verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void benchmarkOnlyInBaseIsMissing() {
        SyntheticResults synthetic = new SyntheticResults(2);
        GateReport report = gate.compare(
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03))),
                List.of(), Map.of());

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.decision().verdict()).isEqualTo(Verdict.MISSING);
            assertThat(row.current()).isNaN();
            assertThat(row.unit()).isEqualTo("us/op");
        });
        assertThat(report.fails()).isFalse();
    }

    @Test
    void candidateInNanosecondsIsConvertedToTheBaseUnit() {
        List<List<Double>> micros = new SyntheticResults(3).forks(10, 100, 0.03);
        List<List<Double>> nanos = micros.stream().map(fork -> fork.stream().map(v -> v * 1000).toList()).toList();

        GateReport report = gate.compare(List.of(SyntheticResults.result(ALPHA, "us/op", micros)),
                List.of(SyntheticResults.result(ALPHA, "ns/op", nanos)), Map.of());

        ComparisonRow row = report.rows().get(0);
        assertThat(row.unit()).isEqualTo("us/op");
        assertThat(row.current()).isCloseTo(row.baseline(), within(1e-9));
        assertThat(row.decision().verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(row.decision().change()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void candidateInUnconvertibleUnitIsInconclusive() {
        SyntheticResults synthetic = new SyntheticResults(4);
        GateReport report = gate.compare(
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03))),
                List.of(SyntheticResults.result(ALPHA, "B/op", synthetic.forks(10, 100, 0.03))), Map.of());

        assertThat(report.rows().get(0).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.rows().get(0).decision().note()).contains("unit changed");
    }

    @Test
    void perBenchmarkThresholdOverridesTheDefault() {
        SyntheticResults synthetic = new SyntheticResults(5);
        List<List<Double>> base = synthetic.forks(10, 100, 0.005);
        List<List<Double>> slower = synthetic.forks(10, 107, 0.005);
        List<BenchmarkResult> baseResults = List.of(SyntheticResults.result(ALPHA, "us/op", base));
        List<BenchmarkResult> candidate = List.of(SyntheticResults.result(ALPHA, "us/op", slower));

        ComparisonRow atDefault = gate.compare(baseResults, candidate, Map.of()).rows().get(0);
        ComparisonRow atTen = gate.compare(baseResults, candidate, Map.of(ALPHA, 10.0)).rows().get(0);

        assertThat(atDefault.decision().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(atDefault.thresholdPct()).isEqualTo(5.0);
        assertThat(atTen.decision().verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(atTen.thresholdPct()).isEqualTo(10.0);
    }

    @Test
    void allocationRowAppearsOnlyWhenBothSidesMeasuredBytesPerOperation() {
        SyntheticResults synthetic = new SyntheticResults(6);
        Map<String, Measurement> alloc = Map.of("gc.alloc.rate.norm", bytes(48));
        Map<String, Measurement> moreAlloc = Map.of("\u00b7gc.alloc.rate.norm", bytes(72));
        List<BenchmarkResult> base = List.of(
                SyntheticResults.result(ALPHA, primary(synthetic), alloc),
                SyntheticResults.result(BETA, primary(synthetic), alloc),
                SyntheticResults.result(GAMMA, primary(synthetic), Map.of()));
        List<BenchmarkResult> candidate = List.of(
                SyntheticResults.result(ALPHA, primary(synthetic), moreAlloc),
                SyntheticResults.result(BETA, primary(synthetic), Map.of()),
                SyntheticResults.result(GAMMA, primary(synthetic), alloc));

        GateReport report = gate.compare(base, candidate, Map.of());

        assertThat(report.rows()).extracting(ComparisonRow::id, ComparisonRow::metric).containsExactly(
                tuple(ALPHA, ComparisonRow.PRIMARY),
                tuple(ALPHA, "gc.alloc.rate.norm"),
                tuple(BETA, ComparisonRow.PRIMARY),
                tuple(GAMMA, ComparisonRow.PRIMARY));
        ComparisonRow allocation = report.rows().get(1);
        assertThat(allocation.unit()).isEqualTo("B/op");
        assertThat(allocation.decision().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(report.fails()).isTrue();
    }

    @Test
    void rowsAreSortedByIdWithPrimaryFirstWhateverTheInputOrder() {
        SyntheticResults synthetic = new SyntheticResults(7);
        Map<String, Measurement> alloc = Map.of("gc.alloc.rate.norm", bytes(16));
        List<BenchmarkResult> base = List.of(
                SyntheticResults.result(GAMMA, primary(synthetic), alloc),
                SyntheticResults.result(ALPHA, primary(synthetic), alloc));
        List<BenchmarkResult> candidate = List.of(
                SyntheticResults.result(BETA, primary(synthetic), alloc),
                SyntheticResults.result(GAMMA, primary(synthetic), alloc));

        GateReport report = gate.compare(base, candidate, Map.of());

        assertThat(report.rows()).extracting(r -> r.id().name() + "/" + r.metric() + "/" + r.decision().verdict())
                .containsExactly(
                        "dev.perfgate.bench.Alpha.run/primary/missing",
                        "dev.perfgate.bench.Beta.run/primary/new",
                        "dev.perfgate.bench.Gamma.run/primary/unchanged",
                        "dev.perfgate.bench.Gamma.run/gc.alloc.rate.norm/unchanged");
    }

    @Test
    void sameNameInTwoModesIsTwoBenchmarks() {
        SyntheticResults synthetic = new SyntheticResults(8);
        BenchmarkId thrpt = SyntheticResults.id("Alpha.run", Mode.THROUGHPUT);
        GateReport report = gate.compare(
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03))),
                List.of(SyntheticResults.result(thrpt, "ops/s", synthetic.forks(10, 1e4, 0.03))), Map.of());

        assertThat(report.rows()).extracting(r -> r.decision().verdict())
                .containsExactlyInAnyOrder(Verdict.MISSING, Verdict.NEW);
    }

    @Test
    void scoreOnlyBaselineIsInconclusive() {
        SyntheticResults synthetic = new SyntheticResults(9);
        BenchmarkResult scoreOnly = SyntheticResults.result(ALPHA,
                new Measurement("us/op", 100, 1, List.of()), Map.of());

        GateReport report = gate.compare(List.of(scoreOnly),
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03))), Map.of());

        assertThat(report.rows().get(0).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.rows().get(0).decision().note()).contains("no per-fork samples on the base side");
    }

    /**
     * Warm-up left in every current fork's first iteration (3x the rest) makes the fork means 40%
     * higher: without the settling check that is a clear regression.
     */
    @Test
    void unsettledCurrentIterationsAreInconclusiveNotARegression() {
        SyntheticResults synthetic = new SyntheticResults(10);
        List<List<Double>> warm = synthetic.forks(10, 100, 0.03);
        List<List<Double>> cold = synthetic.forks(10, 100, 0.03).stream().map(GateTest::firstIterationTimesThree)
                .toList();
        RunSettings twoWarmups = new RunSettings("1.37", "", "17", "", "", List.of(), 1, 10, 2, 5);

        GateReport report = gate.compare(List.of(SyntheticResults.result(ALPHA, "us/op", warm)),
                List.of(new BenchmarkResult(ALPHA, SyntheticResults.measurement("us/op", cold), Map.of(), twoWarmups)),
                Map.of());

        ComparisonRow row = report.rows().get(0);
        assertThat(row.decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.decision().note()).startsWith("the current run had not settled: the first measured iteration "
                + "of forks 1, 2, 3, 4, 5 and 5 more is 3.0x the median of the fork's other iterations")
                .contains("raise --warmup-iterations from 2 to at least 3").endsWith(". No verdict from warm-up")
                .doesNotContain("the base");
        assertThat(row.decision().change()).isNaN();
        assertThat(row.decision().pValue()).isNaN();
        assertThat(row.current()).as("the score is still JMH's").isGreaterThan(row.baseline() * 1.3);
        assertThat(row.inDoubt()).as("more forks of the same run would not settle it").isFalse();
        assertThat(report.fails()).isFalse();
    }

    /** The real case: a baseline of 1.2-1.4 us/op and a run with one fork's first iteration at 4,121 us/op. */
    @Test
    void aBaseWithOneFirstIterationThousandsOfTimesTheRestNamesTheBaseAndItsFork() {
        List<List<Double>> base = List.of(List.of(1.31, 1.27, 1.35, 1.22), List.of(4121.0, 1.29, 1.38, 1.24),
                List.of(1.33, 1.25, 1.30, 1.36), List.of(1.28, 1.33, 1.26, 1.31));
        List<List<Double>> current = new SyntheticResults(11).forks(4, 1.3, 0.03);

        GateReport report = gate.compare(List.of(SyntheticResults.result(ALPHA, "us/op", base)),
                List.of(SyntheticResults.result(ALPHA, "us/op", current)), Map.of());

        ComparisonRow row = report.rows().get(0);
        assertThat(row.decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.decision().note()).isEqualTo("the base had not settled: fork 2's first measured iteration is "
                + "3195x the median of its other iterations (4121 vs 1.290 us/op); add at least 1 warm-up iteration "
                + "(--warmup-iterations) when measuring it again (a stored baseline: approve it again from a settled "
                + "run). No verdict from warm-up");
        assertThat(row.baseline()).as("JMH's score, warm-up included").isGreaterThan(250);
    }

    @Test
    void whenNeitherSideHadSettledTheNoteNamesBoth() {
        SyntheticResults synthetic = new SyntheticResults(13);
        List<List<Double>> base = synthetic.forks(10, 100, 0.03).stream().map(GateTest::firstIterationTimesThree)
                .toList();
        List<List<Double>> current = synthetic.forks(10, 100, 0.03).stream().map(GateTest::firstIterationTimesThree)
                .toList();

        ComparisonRow row = gate.compare(List.of(SyntheticResults.result(ALPHA, "us/op", base)),
                List.of(SyntheticResults.result(ALPHA, "us/op", current)), Map.of()).rows().get(0);

        assertThat(row.decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(row.decision().note()).startsWith("neither side had settled: base: the first measured iteration of "
                + "forks 1, 2, 3, 4, 5 and 5 more is 3.0x").contains("; current: the first measured iteration of forks")
                .endsWith("add at least 1 warm-up iteration (--warmup-iterations), for the base too (a stored "
                        + "baseline: approve it again from a settled run). No verdict from warm-up");
    }

    @Test
    void anUnsettledBenchmarkIsLeftOutOfTheMultipleComparisonControl() {
        SyntheticResults synthetic = new SyntheticResults(12);
        List<BenchmarkResult> base = List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 100, 0.03)));
        List<BenchmarkResult> candidate = List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(10, 108, 0.03)));
        List<BenchmarkResult> withUnsettled = new java.util.ArrayList<>(candidate);
        withUnsettled.add(SyntheticResults.result(BETA, "us/op", synthetic.forks(10, 100, 0.03).stream()
                .map(GateTest::firstIterationTimesThree).toList()));
        List<BenchmarkResult> baseWithBeta = new java.util.ArrayList<>(base);
        baseWithBeta.add(SyntheticResults.result(BETA, "us/op", synthetic.forks(10, 100, 0.03)));

        double alone = gate.compare(base, candidate, Map.of()).rows().get(0).decision().pValue();
        GateReport both = gate.compare(baseWithBeta, withUnsettled, Map.of());

        assertThat(both.rows().get(0).decision().pValue()).isEqualTo(alone);
        assertThat(both.rows().get(1).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private static List<Double> firstIterationTimesThree(List<Double> fork) {
        List<Double> out = new java.util.ArrayList<>(fork);
        out.set(0, fork.get(1) * 3);
        return out;
    }

    private static Measurement primary(SyntheticResults synthetic) {
        return SyntheticResults.measurement("us/op", synthetic.forks(10, 100, 0.03));
    }

    private static Measurement bytes(double perOp) {
        List<List<Double>> forks = List.of(List.of(perOp), List.of(perOp), List.of(perOp));
        return new Measurement("B/op", perOp, Double.NaN, forks);
    }

    /**
     * A same-machine A/B whose fork pairs share the machine's state, which swings by 15% between
     * pairs: the head is 6% slower in every pair. Pair by pair that is a regression; as two
     * independent samples the swing leaves it undecided.
     */
    @Test
    void pairedGateComparesForkIWithForkI() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        List<List<Double>> base = new java.util.ArrayList<>();
        List<List<Double>> head = new java.util.ArrayList<>();
        for (int pair = 0; pair < 16; pair++) {
            double state = Math.exp(0.15 * random.nextGaussian());
            base.add(List.of(100 * state * Math.exp(0.01 * random.nextGaussian())));
            head.add(List.of(106 * state * Math.exp(0.01 * random.nextGaussian())));
        }
        List<BenchmarkResult> a = List.of(SyntheticResults.result(ALPHA, "us/op", base));
        List<BenchmarkResult> b = List.of(SyntheticResults.result(ALPHA, "us/op", head));

        GateReport paired = Gate.paired(GatePolicy.DEFAULT).compare(a, b, Map.of());
        GateReport independent = gate.compare(a, b, Map.of());

        assertThat(paired.rows().get(0).decision().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(paired.rows().get(0).decision().change()).isCloseTo(0.06, within(0.01));
        assertThat(independent.rows().get(0).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void pairedGateWithFivePairsSaysHowManyPairsATestNeeds() {
        SyntheticResults synthetic = new SyntheticResults(19);
        GateReport report = Gate.paired(GatePolicy.DEFAULT).compare(
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(5, 100, 0.03))),
                List.of(SyntheticResults.result(ALPHA, "us/op", synthetic.forks(5, 100, 0.03))), Map.of());

        assertThat(report.rows().get(0).decision().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(report.rows().get(0).decision().note())
                .contains("too few fork pairs for a test (5)", "run at least 6 pairs");
    }
}
