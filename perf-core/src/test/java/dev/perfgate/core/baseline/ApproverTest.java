package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.stats.Noise;
import dev.perfgate.core.stats.RunPlan;
import dev.perfgate.core.stats.VarianceComponents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.perfgate.core.baseline.BaselineFixtures.COSINE;
import static dev.perfgate.core.baseline.BaselineFixtures.MATRIX;
import static dev.perfgate.core.baseline.BaselineFixtures.TOKENIZE;
import static dev.perfgate.core.baseline.BaselineFixtures.forksWithMeans;
import static dev.perfgate.core.baseline.BaselineFixtures.measurement;
import static dev.perfgate.core.baseline.BaselineFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApproverTest {

    private static final Instant LATER = Instant.parse("2026-11-27T08:00:00Z");

    private final Approver approver = new Approver(Approver.DEFAULT_MAX_NOISE_PCT);

    @Test
    void noisyReportsAResultWithEightPercentForkVariationWithItsVariation() {
        BenchmarkResult noisy = result(COSINE, measurement("us/op", forksWithMeans(100, 108, 92, 100, 110, 90)), null);
        double cvPct = noisy.primary().forkCv() * 100;
        assertThat(cvPct).isBetween(7.0, 9.0);

        Map<BenchmarkId, String> found = approver.noisy(List.of(noisy));

        assertThat(found).containsOnlyKeys(COSINE);
        assertThat(found.get(COSINE)).contains(String.format(Locale.ROOT, "%.1f%%", cvPct)).contains("exceeds 5%");
    }

    @Test
    void noisyReportsASingleForkResultAsUnknownVariation() {
        BenchmarkResult single = result(MATRIX, measurement("ops/s", forksWithMeans(1000)), null);

        Map<BenchmarkId, String> found = approver.noisy(List.of(single));

        assertThat(found).containsOnlyKeys(MATRIX);
        assertThat(found.get(MATRIX)).contains("1 fork", "unknown", "at least 2 forks");
    }

    @Test
    void noisyPassesAResultWithOnePercentForkVariation() {
        BenchmarkResult stable = result(TOKENIZE, measurement("ns/op", forksWithMeans(100, 101, 99, 100.5, 99.5, 100)),
                null);
        assertThat(stable.primary().forkCv() * 100).isBetween(0.5, 1.5);

        assertThat(approver.noisy(List.of(stable))).isEmpty();
    }

    @Test
    void noisyUsesTheConfiguredLimit() {
        BenchmarkResult noisy = result(COSINE, measurement("us/op", forksWithMeans(100, 108, 92, 100, 110, 90)), null);

        assertThat(new Approver(10).noisy(List.of(noisy))).isEmpty();
        assertThat(new Approver(2.5).noisy(List.of(noisy)).get(COSINE)).contains("exceeds 2.5%");
    }

    @Test
    void unsettledReportsABenchmarkWhoseFirstIterationIsFarOffWithWhatToChange() {
        List<List<Double>> forks = List.of(List.of(1.31, 1.27, 1.35, 1.22), List.of(4121.0, 1.29, 1.38, 1.24),
                List.of(1.33, 1.25, 1.30, 1.36));
        BenchmarkResult warm = new BenchmarkResult(COSINE, measurement("us/op", forks), Map.of(),
                new RunSettings("1.37", "", "17", "", "", List.of(), 1, 3, 2, 4));

        Map<BenchmarkId, String> found = Approver.unsettled(List.of(warm));

        assertThat(found).containsOnlyKeys(COSINE);
        assertThat(found.get(COSINE)).isEqualTo("fork 2's first measured iteration is 3195x the median of its other "
                + "iterations (4121 vs 1.290 us/op); raise --warmup-iterations from 2 to at least 3");
    }

    @Test
    void unsettledPassesSettledBenchmarks() {
        BenchmarkResult settled = result(TOKENIZE, measurement("ns/op", forksWithMeans(100, 101, 99, 100.5, 99.5)),
                null);

        assertThat(Approver.unsettled(List.of(settled))).isEmpty();
    }

    @Test
    void nonPositiveNoiseLimitIsRejected() {
        assertThatThrownBy(() -> new Approver(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNoisePct");
        assertThatThrownBy(() -> new Approver(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectWithARegexKeepsTheMatchingBenchmarksInIdentityOrder() {
        Run run = threeBenchmarkRun();

        assertThat(Approver.select(run.results(), Pattern.compile("Matrix|Tokenizer")))
                .extracting(BenchmarkResult::id).containsExactly(MATRIX, TOKENIZE);
        assertThat(Approver.select(run.results(), Pattern.compile("dim=768")))
                .extracting(BenchmarkResult::id).containsExactly(COSINE);
        assertThat(Approver.select(run.results(), Pattern.compile("^dev\\.perfgate\\.kernels\\.TokenizerBenchmark\\.tokenize$")))
                .extracting(BenchmarkResult::id).containsExactly(TOKENIZE);
        assertThat(Approver.select(run.results(), Pattern.compile("NoSuchBenchmark"))).isEmpty();
    }

    @Test
    void selectWithoutARegexTakesEveryBenchmarkInIdentityOrder() {
        assertThat(Approver.select(threeBenchmarkRun().results(), null))
                .extracting(BenchmarkResult::id).containsExactly(COSINE, MATRIX, TOKENIZE);
    }

    @Test
    void approveReplacesOnlyTheSelectedEntryAndKeepsItsThreshold() {
        Baseline current = BaselineFixtures.baseline();
        Measurement faster = measurement("ops/s", forksWithMeans(1_400_000, 1_410_000, 1_390_000));
        Run run = BaselineFixtures.run("run-42", LATER, BaselineFixtures.FINGERPRINT,
                List.of(result(MATRIX, faster, null)));
        Approval approval = new Approval(LATER, "alice", "new blocking", "abc", "run-42");

        Baseline updated = approver.approve(Optional.of(BaselineFile.of(current)), run, Approver.select(run.results(), null),
                approval).sets().get(0);

        assertThat(updated.timestamp()).isEqualTo(LATER);
        assertThat(updated.entries()).hasSize(3);
        assertThat(updated.find(COSINE)).contains(current.find(COSINE).orElseThrow());
        assertThat(updated.find(TOKENIZE)).contains(current.find(TOKENIZE).orElseThrow());
        BaselineEntry matrix = updated.find(MATRIX).orElseThrow();
        assertThat(matrix.primary()).isEqualTo(faster);
        assertThat(matrix.thresholdPct()).isEqualTo(10.0);
        assertThat(matrix.approval()).isEqualTo(approval);
    }

    @Test
    void approveKeepsTheEntrysCalibratedNoiseAndRunPlan() {
        Noise noise = new Noise(0.04, 0.01, 3, 60, LATER).withComponents(new VarianceComponents(0.05, 0.5, 0.03, 60, 4));
        RunPlan plan = new RunPlan(12, 2, 3, Duration.ofSeconds(1), 0.032, 0.5, 66, 0.048);
        Baseline current = new Baseline(BaselineFixtures.LINUX, BaselineFixtures.HOST, BaselineFixtures.FINGERPRINT,
                BaselineFixtures.TIMESTAMP, List.of(BaselineFixtures.matrixEntry().withNoise(noise).withPlan(plan)));
        Run run = BaselineFixtures.run("run-43", LATER, BaselineFixtures.FINGERPRINT,
                List.of(result(MATRIX, measurement("ops/s", forksWithMeans(1_400_000, 1_410_000)), null)));

        BaselineEntry matrix = approver.approve(Optional.of(BaselineFile.of(current)), run, Approver.select(run.results(), null),
                new Approval(LATER, "alice", "new blocking", "abc", "run-43")).sets().get(0).find(MATRIX).orElseThrow();

        assertThat(matrix.noise()).isEqualTo(noise);
        assertThat(matrix.plan()).isEqualTo(plan);
    }

    @Test
    void approveOnAnotherHostClassAddsASetAndLeavesTheOtherAsItWas() {
        Baseline avx2 = BaselineFixtures.baseline();
        HostIdentity avx512 = new HostIdentity(new HostClass(BaselineFixtures.LINUX, List.of("avx", "avx2", "avx512bw",
                "avx512dq", "avx512f", "avx512vl", "bmi1", "bmi2", "fma", "sse4.2"), 512, 16, 17), "", Map.of(), "", null);
        Run run = new Run("run-43", LATER, "abc", "main", BaselineFixtures.LINUX, BaselineFixtures.FINGERPRINT, avx512,
                List.of(result(MATRIX, measurement("ops/s", forksWithMeans(2_000_000, 2_010_000, 1_990_000)), null)));
        Approval approval = new Approval(LATER, "alice", "AVX-512 runners", "abc", "run-43");

        BaselineFile updated = approver.approve(Optional.of(BaselineFile.of(avx2)), run, Approver.select(run.results(), null),
                approval);

        assertThat(updated.sets()).hasSize(2);
        assertThat(updated.forHost(BaselineFixtures.HOST)).contains(avx2);
        Baseline added = updated.forHost(avx512).orElseThrow();
        assertThat(added.entries()).extracting(BaselineEntry::id).containsExactly(MATRIX);
        assertThat(added.host()).isEqualTo(avx512);
    }

    @Test
    void approveIntoNoBaselineCreatesOneWithTheAllocation() {
        Run run = threeBenchmarkRun();
        Approval approval = new Approval(LATER, "alice", "first", "", "");

        BaselineFile file = approver.approve(Optional.empty(), run, Approver.select(run.results(), null), approval);
        Baseline created = file.sets().get(0);

        assertThat(file.version()).isEqualTo(BaselineFile.SCHEMA_VERSION);
        assertThat(file.sets()).hasSize(1);
        assertThat(created.host()).isEqualTo(run.host());
        assertThat(created.platform()).isEqualTo(run.platform());
        assertThat(created.fingerprint()).isEqualTo(run.fingerprint());
        assertThat(created.entries()).extracting(BaselineEntry::id).containsExactly(COSINE, MATRIX, TOKENIZE);
        assertThat(created.find(COSINE).orElseThrow().allocation()).isEqualTo(BaselineFixtures.cosineAllocation());
        assertThat(created.thresholds()).isEmpty();
    }

    private static Run threeBenchmarkRun() {
        return BaselineFixtures.run("run-42", LATER, BaselineFixtures.FINGERPRINT, List.of(
                result(TOKENIZE, BaselineFixtures.tokenize(), null),
                result(MATRIX, BaselineFixtures.matrix(), null),
                result(COSINE, BaselineFixtures.cosine(), BaselineFixtures.cosineAllocation())));
    }
}
