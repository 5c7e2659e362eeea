package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records of golden/history.jsonl and small runs for store tests. */
final class HistoryFixtures {

    static final PlatformKey LINUX = PlatformKey.parse("linux-x86_64");
    static final Fingerprint FINGERPRINT = new Fingerprint("AMD EPYC 9R14", 16, "Eclipse Adoptium", "17.0.15",
            List.of("-Xmx2g"), "Linux", "6.1.0-18-amd64");
    static final Instant RUN_TIME = Instant.parse("2026-11-26T22:15:30.125Z");
    static final Instant APPROVAL_TIME = Instant.parse("2026-11-27T08:00:00Z");

    static final BenchmarkId COSINE = BenchmarkId.of("dev.perfgate.kernels.CosineSimilarityBenchmark.batch",
            Mode.AVERAGE_TIME, Map.of("dim", "768", "batch", "16"));
    static final BenchmarkId MATRIX = BenchmarkId.of("dev.perfgate.kernels.MatrixMultiplyBenchmark.multiply",
            Mode.THROUGHPUT, Map.of());

    private HistoryFixtures() {
    }

    /** A run with params, secondary metrics (one with JMH's old "\u00b7" prefix), NaN, big and tiny numbers. */
    static Run run() {
        Map<String, Measurement> secondary = new LinkedHashMap<>();
        secondary.put("\u00b7gc.alloc.rate.norm", new Measurement("B/op", 3104.00012, 0.000345,
                List.of(List.of(3104.0, 3104.0001), List.of(3104.0, 3103.9999))));
        secondary.put("gc.alloc.rate", new Measurement("MB/sec", 251.123456789, 3.98765,
                List.of(List.of(250.111111, 252.222222), List.of(Double.NaN, 251.0))));
        BenchmarkResult cosine = new BenchmarkResult(COSINE, new Measurement("us/op", 12.3456789012, 0.0456789123,
                List.of(List.of(12.3012345678, 12.3123456789), List.of(12.4045678912, 12.3956789123))),
                secondary, RunSettings.UNKNOWN);
        BenchmarkResult matrix = new BenchmarkResult(MATRIX, new Measurement("ops/s", 1234567.891234, Double.NaN,
                List.of(List.of(1231234.56789, 0.000012345678))), Map.of(), RunSettings.UNKNOWN);
        return new Run("run-2026-11-26-221530", RUN_TIME, "0123456789abcdef0123456789abcdef01234567",
                "feature/faster-\u00e9t\u00e9", LINUX, FINGERPRINT, null, List.of(cosine, matrix));
    }

    static HistoryRecord.RunRecord runRecord() {
        return new HistoryRecord.RunRecord(run());
    }

    static HistoryRecord.ApprovalRecord approvalRecord() {
        return new HistoryRecord.ApprovalRecord(APPROVAL_TIME, "alice",
                "accepted: \"bounds checks\" cost 3%\nsee #42", "0123456789abcdef0123456789abcdef01234567",
                "run-2026-11-26-221530", List.of(COSINE, MATRIX));
    }

    /** A small run with one benchmark, for store tests. */
    static HistoryRecord.RunRecord smallRun(String runId, double score) {
        BenchmarkResult result = new BenchmarkResult(MATRIX, new Measurement("ops/s", score, 1.5,
                List.of(List.of(score, score), List.of(score, score))), Map.of(), RunSettings.UNKNOWN);
        return new HistoryRecord.RunRecord(new Run(runId, RUN_TIME, "abc", "main", LINUX, FINGERPRINT, null,
                List.of(result)));
    }
}
