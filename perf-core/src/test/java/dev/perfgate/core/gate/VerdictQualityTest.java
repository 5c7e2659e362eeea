package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance figures perfgate promises, measured on seeded synthetic runs through
 * {@link Gate#compare}. Unless a test says otherwise: avgt in us/op, 10 forks per side of 5
 * iterations, 3% fork-to-fork noise (log scale), 0.5% iteration noise, default policy (5%,
 * alpha 0.05). Each test prints its measured rate so the figure can be quoted.
 */
class VerdictQualityTest {

    private static final double BASE = 250.0;
    private static final double NOISE = 0.03;
    private static final int FORKS = 10;
    private static final BenchmarkId AVGT = SyntheticResults.id("Kernel.run", Mode.AVERAGE_TIME);
    private static final BenchmarkId THRPT = SyntheticResults.id("Kernel.run", Mode.THROUGHPUT);

    private final Gate gate = new Gate(GatePolicy.DEFAULT);

    @Test
    void aaComparisonsRaiseAtMostOnePercentFalseRegressions() {
        SyntheticResults synthetic = new SyntheticResults(1001);
        int simulations = 500;
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int s = 0; s < simulations; s++) {
            verdicts.merge(compareOne(synthetic, "us/op", FORKS, NOISE, 1.0).verdict(), 1, Integer::sum);
        }
        int regressions = verdicts.getOrDefault(Verdict.REGRESSION, 0);
        System.out.printf("A/A false regressions: %d/%d; verdicts %s%n", regressions, simulations, verdicts);
        assertThat(regressions).isLessThanOrEqualTo(5);
        // Unchanged needs the interval's worse end within 5%: at 3% noise and 10 forks a side the
        // interval is about +-3%, so the A/A runs that estimate more than about +2% cannot rule out a
        // regression and are inconclusive (measured: 54 of 500).
        assertThat(verdicts.getOrDefault(Verdict.INCONCLUSIVE, 0)).isLessThanOrEqualTo(simulations * 15 / 100);
    }

    @Test
    void trueTenPercentSlowdownIsFlaggedInAtLeastNinetyFivePercentOfRuns() {
        SyntheticResults synthetic = new SyntheticResults(1002);
        int simulations = 500;
        int regressions = 0;
        for (int s = 0; s < simulations; s++) {
            if (compareOne(synthetic, "us/op", FORKS, NOISE, 1.10).verdict() == Verdict.REGRESSION) {
                regressions++;
            }
        }
        System.out.printf("10%% slowdown flagged as regression: %d/%d%n", regressions, simulations);
        assertThat(regressions).isGreaterThanOrEqualTo(475);
    }

    @Test
    void oneBimodalForkAmongTenDoesNotFailTheGate() {
        SyntheticResults synthetic = new SyntheticResults(1003);
        int simulations = 200;
        int regressions = 0;
        for (int s = 0; s < simulations; s++) {
            List<List<Double>> candidate = synthetic.forks(FORKS - 1, BASE, NOISE);
            candidate.addAll(synthetic.forks(1, BASE * 1.25, NOISE));
            GateReport report = gate.compare(
                    List.of(SyntheticResults.result(AVGT, "us/op", synthetic.forks(FORKS, BASE, NOISE))),
                    List.of(SyntheticResults.result(AVGT, "us/op", candidate)), Map.of());
            if (report.fails()) {
                regressions++;
            }
        }
        System.out.printf("one bimodal fork (+25%%) of 10 flagged as regression: %d/%d%n", regressions, simulations);
        assertThat(regressions).isLessThanOrEqualTo(2);
    }

    @Test
    void throughputDropIsARegressionAndRiseAnImprovement() {
        SyntheticResults synthetic = new SyntheticResults(1004);
        int simulations = 100;
        Map<Verdict, Integer> drops = new EnumMap<>(Verdict.class);
        Map<Verdict, Integer> rises = new EnumMap<>(Verdict.class);
        for (int s = 0; s < simulations; s++) {
            Decision drop = compareOne(synthetic, "ops/s", FORKS, NOISE, 0.90);
            Decision rise = compareOne(synthetic, "ops/s", FORKS, NOISE, 1.10);
            drops.merge(drop.verdict(), 1, Integer::sum);
            rises.merge(rise.verdict(), 1, Integer::sum);
            assertThat(drop.change()).as("10% fewer ops/s is worse: positive change").isBetween(0.03, 0.17);
            assertThat(rise.change()).as("10% more ops/s is better: negative change").isBetween(-0.17, -0.03);
        }
        System.out.printf("thrpt: 10%% drop verdicts %s, 10%% rise verdicts %s (of %d)%n", drops, rises, simulations);
        assertThat(drops.getOrDefault(Verdict.REGRESSION, 0)).isGreaterThanOrEqualTo(95);
        assertThat(rises.getOrDefault(Verdict.IMPROVEMENT, 0)).isGreaterThanOrEqualTo(95);
        assertThat(rises.getOrDefault(Verdict.REGRESSION, 0)).isZero();
    }

    @Test
    void trueTwoPercentChangeBelowThresholdIsRarelyFlagged() {
        SyntheticResults synthetic = new SyntheticResults(1005);
        int simulations = 500;
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int s = 0; s < simulations; s++) {
            verdicts.merge(compareOne(synthetic, "us/op", FORKS, NOISE, 1.02).verdict(), 1, Integer::sum);
        }
        int regressions = verdicts.getOrDefault(Verdict.REGRESSION, 0);
        System.out.printf("2%% slowdown (below 5%% threshold) flagged as regression: %d/%d; verdicts %s%n",
                regressions, simulations, verdicts);
        assertThat(regressions).isLessThanOrEqualTo(25);
    }

    @Test
    void threeForksPerSideAreInconclusiveEvenForAThirtyPercentSlowdown() {
        SyntheticResults synthetic = new SyntheticResults(1006);
        for (int s = 0; s < 20; s++) {
            Decision decision = compareOne(synthetic, "us/op", 3, NOISE, 1.30);

            assertThat(decision.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(decision.note()).contains("too few forks");
            assertThat(decision.change()).isGreaterThan(0.15);
        }
    }

    @Test
    void sixPercentSlowdownUnderHighNoiseIsInconclusiveRatherThanRegression() {
        SyntheticResults synthetic = new SyntheticResults(1007);
        int simulations = 200;
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int worseThanThreshold = 0;
        int worseButInconclusive = 0;
        for (int s = 0; s < simulations; s++) {
            Decision decision = compareOne(synthetic, "us/op", 5, 0.10, 1.06);
            verdicts.merge(decision.verdict(), 1, Integer::sum);
            if (decision.change() > 0.05) {
                worseThanThreshold++;
                if (decision.verdict() == Verdict.INCONCLUSIVE) {
                    worseButInconclusive++;
                }
            }
            if (decision.verdict() == Verdict.INCONCLUSIVE) {
                assertThat(decision.minDetectable()).isFinite().isGreaterThan(0.05);
                assertThat(decision.forksNeeded()).isGreaterThan(5);
                assertThat(decision.note()).contains(decision.change() > 0.05 ? "not significant"
                        : "a regression beyond the 5% threshold cannot be ruled out")
                        .contains("forks per side would decide 5%");
            }
            if (decision.verdict() == Verdict.UNCHANGED) {
                assertThat(decision.ciHigh()).as("unchanged rules out a regression beyond 5%").isLessThanOrEqualTo(0.05);
            }
        }
        System.out.printf("6%% slowdown, 10%% noise, 5 forks: verdicts %s (of %d); inconclusive in %d of the %d"
                + " runs estimating more than 5%%%n", verdicts, simulations, worseButInconclusive, worseThanThreshold);
        int regression = verdicts.getOrDefault(Verdict.REGRESSION, 0);
        // expected: regression ~10% (power of 5 vs 5 forks at 10% noise is low), the estimate exceeds 5% in
        // ~55% of runs and those are then mostly inconclusive; the rest are nearly all inconclusive too, as 5
        // forks at 10% noise give intervals far wider than 5%, which seldom rule out a regression
        assertThat(regression).isLessThanOrEqualTo(simulations / 4);
        assertThat(verdicts.getOrDefault(Verdict.INCONCLUSIVE, 0)).isGreaterThan(regression);
        assertThat(worseButInconclusive).isGreaterThanOrEqualTo(worseThanThreshold * 7 / 10);
    }

    @Test
    void suiteOfFiftyUnchangedBenchmarksRarelyHasAnyFalseRegression() {
        SyntheticResults synthetic = new SyntheticResults(1008);
        int suites = 100;
        int benchmarks = 50;
        int suitesWithFalseRegression = 0;
        int falseRegressions = 0;
        for (int s = 0; s < suites; s++) {
            List<BenchmarkResult> base = new ArrayList<>();
            List<BenchmarkResult> candidate = new ArrayList<>();
            for (int b = 0; b < benchmarks; b++) {
                BenchmarkId id = SyntheticResults.id("Suite.bench" + b, Mode.AVERAGE_TIME);
                double level = 10.0 + b;
                base.add(SyntheticResults.result(id, "us/op", synthetic.forks(FORKS, level, NOISE)));
                candidate.add(SyntheticResults.result(id, "us/op", synthetic.forks(FORKS, level, NOISE)));
            }
            GateReport report = gate.compare(base, candidate, Map.of());
            assertThat(report.benchmarkCount()).isEqualTo(benchmarks);
            falseRegressions += report.regressions().size();
            if (report.hasRegression()) {
                suitesWithFalseRegression++;
            }
        }
        System.out.printf("50-benchmark A/A suites with any false regression: %d/%d (%d false regressions in %d"
                + " comparisons)%n", suitesWithFalseRegression, suites, falseRegressions, suites * benchmarks);
        assertThat(suitesWithFalseRegression).isLessThanOrEqualTo(5);
    }

    /** One benchmark, base at {@link #BASE}, candidate at {@code BASE * factor}. */
    private Decision compareOne(SyntheticResults synthetic, String unit, int forks, double noise, double factor) {
        BenchmarkId id = unit.startsWith("ops/") ? THRPT : AVGT;
        GateReport report = gate.compare(
                List.of(SyntheticResults.result(id, unit, synthetic.forks(forks, BASE, noise))),
                List.of(SyntheticResults.result(id, unit, synthetic.forks(forks, BASE * factor, noise))),
                Map.of());
        assertThat(report.rows()).hasSize(1);
        return report.rows().get(0).decision();
    }
}
