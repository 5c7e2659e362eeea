package dev.perfgate.cli;

import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.RunPlans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan table {@code calibrate} prints, for the benchmarks whose noise the model can split and
 * for those at its limit. The samples are generated from a stated noise model (the table is about
 * what the model concluded, not about JMH's output, which the real-run tests cover).
 */
class CalibratePlanTableTest {

    private static final BenchmarkId STEADY = BenchmarkId.of("x.Steady.run", Mode.AVERAGE_TIME, Map.of());
    private static final BenchmarkId WANDERING = BenchmarkId.of("x.Wandering.run", Mode.AVERAGE_TIME, Map.of());

    /** Two runs of 20 forks x 4 iterations of 1 s; each fork at a level {@code forkSd} apart. */
    private static List<BenchmarkResult> runs(BenchmarkId id, double forkSd, double iterationSd, double slope,
                                              long seed) {
        Random random = new Random(seed);
        List<BenchmarkResult> out = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<List<Double>> forks = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                double level = Math.log(100) + forkSd * random.nextGaussian();
                double direction = random.nextBoolean() ? slope : -slope;
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    values.add(Math.exp(level + direction * (i - 1.5) + iterationSd * random.nextGaussian()));
                }
                forks.add(values);
            }
            out.add(new BenchmarkResult(id, new Measurement("us/op", 100, Double.NaN, forks), Map.of(),
                    new RunSettings("1.37", "java", "17", "", "", List.of(), 1, 20, 2, 4, Duration.ofSeconds(1),
                            Duration.ofSeconds(1))));
        }
        return out;
    }

    @Test
    void aBenchmarkAtTheModelsLimitIsPlannedAsForkNoiseAndTheTableSaysSo() {
        List<BenchmarkResult> steady = runs(STEADY, 0.02, 0.03, 0, 1);
        List<BenchmarkResult> wandering = runs(WANDERING, 0.04, 0.001, 0.01, 2);
        List<List<BenchmarkResult>> calibration = List.of(List.of(steady.get(0), wandering.get(0)),
                List.of(steady.get(1), wandering.get(1)));
        Baseline empty = new Baseline(PlatformKey.parse("linux-x86_64"), null,
                new Fingerprint("", 2, "", "17", List.of(), "", ""), Instant.EPOCH, List.of());

        Map<BenchmarkId, RunPlans.Outcome> plans = CalibrateCommand.plans(calibration, Set.of(STEADY, WANDERING),
                empty, GatePolicy.DEFAULT, 0.5);
        String table = CalibrateCommand.planTable(empty, plans, GatePolicy.DEFAULT, "0.5 s");

        RunPlans.Outcome atLimit = plans.get(WANDERING);
        assertThat(atLimit.calibrationShape()).isTrue();
        assertThat(atLimit.plan().iterations()).isEqualTo(4);
        assertThat(plans.get(STEADY).calibrationShape()).isFalse();
        String wanderingRow = table.lines().filter(l -> l.contains("x.Wandering.run")).findFirst().orElseThrow();
        // The fork column shows what the plan counts as fork noise: the spread of the fork means, about 4%.
        assertThat(wanderingRow).contains(String.format(java.util.Locale.ROOT, "%.1f%%",
                atLimit.plan().forkLogSd() * 100), "x (2 + 4 x 1s)", "iteration and fork noise not told apart");
        assertThat(atLimit.plan().forkLogSd()).isBetween(0.025, 0.06);
        assertThat(table.lines().filter(l -> l.contains("x.Steady.run")).findFirst().orElseThrow())
                .doesNotContain("not told apart");
    }
}
