package dev.perfgate.core.baseline;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A fixed baseline (the content of golden/baseline.json) and runs to approve into it. */
final class BaselineFixtures {

    static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC 9R14", 16, "Eclipse Adoptium", "17.0.15",
            List.of("-Xmx2g", "-XX:+UseG1GC"), "Linux", "6.1.0-18-amd64");
    static final Instant APPROVED_AT = Instant.parse("2026-11-20T09:30:00Z");
    static final Instant TIMESTAMP = Instant.parse("2026-11-20T09:31:15.250Z");

    /** Params, allocation and plenty of digits to round. */
    static final BenchmarkId COSINE = BenchmarkId.of("dev.perfgate.kernels.CosineSimilarityBenchmark.batch",
            Mode.AVERAGE_TIME, Map.of("dim", "768", "batch", "16"));
    /** Large throughput numbers and a per-benchmark threshold. */
    static final BenchmarkId MATRIX = BenchmarkId.of("dev.perfgate.kernels.MatrixMultiplyBenchmark.multiply",
            Mode.THROUGHPUT, Map.of());
    /** Tiny numbers (plain notation, no exponent) and a NaN error. */
    static final BenchmarkId TOKENIZE = BenchmarkId.of("dev.perfgate.kernels.TokenizerBenchmark.tokenize",
            Mode.AVERAGE_TIME, Map.of());

    static final Approval APPROVAL = new Approval(APPROVED_AT, "ci-bot", "initial baseline", "0123abc", "run-41");

    private BaselineFixtures() {
    }

    static Measurement cosine() {
        return new Measurement("us/op", 12.3456789012, 0.0456789123, List.of(
                List.of(12.3012, 12.3123, 12.3235),
                List.of(12.4046, 12.3957, 12.4068),
                List.of(12.3346, 12.3457, 12.3368)));
    }

    /**
     * Samples as JMH writes them, with all the digits of a double (the golden fixtures keep six
     * significant digits in their samples so that the file does not depend on how derived
     * statistics are computed from rounded or unrounded samples).
     */
    static Measurement rawJmhMeasurement() {
        return new Measurement("us/op", 12.3456789012, 0.0456789123, List.of(
                List.of(12.3012345678, 12.3123456789, 12.3234567891),
                List.of(12.4045678912, 12.3956789123, 12.4067891234),
                List.of(12.3345678912, 12.3456789123, 12.3367891234)));
    }

    static Measurement cosineAllocation() {
        return new Measurement("B/op", 3104.00123, 0.0, List.of(
                List.of(3104.0, 3104.0), List.of(3104.0, 3104.0), List.of(3104.0, 3104.0)));
    }

    static Measurement matrix() {
        return new Measurement("ops/s", 1234567.891234, 4321.987654, List.of(
                List.of(1231230.0, 1232350.0), List.of(1236790.0, 1237890.0)));
    }

    static Measurement tokenize() {
        return new Measurement("s/op", 0.000123456789, Double.NaN, List.of(
                List.of(0.000123457, 0.000123451), List.of(0.000123357, 0.000123557)));
    }

    static BaselineEntry cosineEntry() {
        return new BaselineEntry(COSINE, cosine(), cosineAllocation(), null, APPROVAL);
    }

    static BaselineEntry matrixEntry() {
        return new BaselineEntry(MATRIX, matrix(), null, 10.0, APPROVAL);
    }

    static BaselineEntry tokenizeEntry() {
        return new BaselineEntry(TOKENIZE, tokenize(), null, null,
                new Approval(APPROVED_AT, "", "faster tokenizer: \"split\" replaced by a scanner", "", ""));
    }

    /** The host class of the golden file's entry set: an AVX2 host with 256-bit vectors. */
    static final HostClass AVX2 = new HostClass(LINUX, List.of("avx", "avx2", "bmi1", "bmi2", "fma", "sse4.2"),
            256, 16, 17);

    /** The host of golden/baseline.json's entry set. */
    static final HostIdentity HOST = new HostIdentity(AVX2, "17.0.15+6-LTS",
            Map.of("MaxVectorSize", "32", "UseAVX", "2", "UseG1GC", "true"), "L1d 32 KiB, L2 512 KiB, L3 32 MiB",
            new HostSpeed(Map.of("scalar_chain", new HostSpeed.Probe(1.15, 0.004),
                    "vector_fma", new HostSpeed.Probe(0.0201, 0.011))));

    /** The entry set of golden/baseline.json; entries given out of order on purpose. */
    static Baseline baseline() {
        return new Baseline(LINUX, HOST, FINGERPRINT, TIMESTAMP, List.of(tokenizeEntry(), matrixEntry(), cosineEntry()));
    }

    /** golden/baseline.json: one entry set, {@link #baseline()}. */
    static BaselineFile file() {
        return BaselineFile.of(baseline());
    }

    static BenchmarkResult result(BenchmarkId id, Measurement primary, Measurement allocation) {
        Map<String, Measurement> secondary = allocation == null ? Map.of()
                : Map.of(BenchmarkResult.ALLOCATION_METRIC, allocation);
        return new BenchmarkResult(id, primary, secondary, RunSettings.UNKNOWN);
    }

    static Run run(String runId, Instant timestamp, Fingerprint fingerprint, List<BenchmarkResult> results) {
        return new Run(runId, timestamp, "feedbeef", "main", LINUX, fingerprint, HOST, results);
    }

    /** Per-fork iteration values whose fork means are {@code means}, three iterations each. */
    static List<List<Double>> forksWithMeans(double... means) {
        return java.util.Arrays.stream(means)
                .mapToObj(m -> List.of(m * 0.999, m, m * 1.001))
                .toList();
    }

    static Measurement measurement(String unit, List<List<Double>> forks) {
        double score = forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
        return new Measurement(unit, score, Double.NaN, forks);
    }
}
