package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.Verdict;

import java.util.List;
import java.util.Map;

/** Gate reports built directly from rows and decisions. */
final class ReportFixtures {

    static final BenchmarkId COSINE = BenchmarkId.of("dev.perfgate.kernels.CosineSimilarityBenchmark.batch",
            Mode.AVERAGE_TIME, Map.of("dim", "768"));
    static final BenchmarkId MATRIX = BenchmarkId.of("dev.perfgate.kernels.MatrixMultiplyBenchmark.multiply",
            Mode.THROUGHPUT, Map.of());
    static final BenchmarkId TOKENIZE = BenchmarkId.of("dev.perfgate.kernels.TokenizerBenchmark.tokenize",
            Mode.AVERAGE_TIME, Map.of());
    static final BenchmarkId ADDED = BenchmarkId.of("dev.perfgate.kernels.NewBenchmark.run", Mode.AVERAGE_TIME,
            Map.of());
    static final BenchmarkId REMOVED = BenchmarkId.of("dev.perfgate.kernels.OldBenchmark.run", Mode.AVERAGE_TIME,
            Map.of());

    private ReportFixtures() {
    }

    /** 12% slower, significant. */
    static ComparisonRow regression(BenchmarkId id) {
        return new ComparisonRow(id, ComparisonRow.PRIMARY, "us/op", 10.0, 11.2, 5.0,
                new Decision(Verdict.REGRESSION, 0.12, 0.08, 0.16, 0.00108, 0.02, 0, ""));
    }

    /** 20% more ops/s, significant. */
    static ComparisonRow improvement() {
        return new ComparisonRow(MATRIX, ComparisonRow.PRIMARY, "ops/s", 1000.0, 1200.0, 5.0,
                new Decision(Verdict.IMPROVEMENT, -0.20, -0.25, -0.15, 0.002, 0.03, 0, ""));
    }

    static ComparisonRow allocationUnchanged() {
        return new ComparisonRow(COSINE, "gc.alloc.rate.norm", "B/op", 3104.0, 3104.0, 1.0,
                new Decision(Verdict.UNCHANGED, 0.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, ""));
    }

    static ComparisonRow inconclusive() {
        return new ComparisonRow(TOKENIZE, ComparisonRow.PRIMARY, "ns/op", 250.0, 270.0, 5.0,
                new Decision(Verdict.INCONCLUSIVE, 0.08, -0.01, 0.17, 0.21, 0.12, 14,
                        "8% worse but not significant with 3 forks; 14 forks needed to detect 5%"));
    }

    static ComparisonRow added() {
        return new ComparisonRow(ADDED, ComparisonRow.PRIMARY, "us/op", Double.NaN, 5.0, 5.0,
                Decision.of(Verdict.NEW, "not in the baseline"));
    }

    static ComparisonRow removed() {
        return new ComparisonRow(REMOVED, ComparisonRow.PRIMARY, "us/op", 5.0, Double.NaN, 5.0,
                Decision.of(Verdict.MISSING, "not in the results"));
    }

    /** One row of every verdict (six rows of five benchmarks: COSINE has two metrics); fails the gate. */
    static GateReport mixed() {
        return new GateReport("linux-x86_64", 5.0, List.of(regression(COSINE), allocationUnchanged(), improvement(),
                inconclusive(), added(), removed()), List.of(), "");
    }
}
