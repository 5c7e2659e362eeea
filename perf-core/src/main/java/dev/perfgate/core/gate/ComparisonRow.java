package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.stats.Decision;
import dev.perfgate.core.stats.Verdict;

import java.util.Objects;

/**
 * One line of a comparison: one metric of one benchmark, base against candidate.
 *
 * @param id           the benchmark
 * @param metric       {@value #PRIMARY} or a secondary metric name such as {@code gc.alloc.rate.norm}
 * @param unit         the unit of {@code baseline} and {@code current}
 * @param baseline     the base's score as JMH reported it; NaN when the benchmark is new
 * @param current      the candidate's score as JMH reported it; NaN when it is missing
 * @param thresholdPct the threshold applied, in percent
 * @param decision     the verdict and its evidence
 */
public record ComparisonRow(BenchmarkId id, String metric, String unit, double baseline, double current,
                            double thresholdPct, Decision decision) {

    /** The metric name of the primary metric. */
    public static final String PRIMARY = "primary";

    public ComparisonRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(decision, "decision");
    }

    /** Whether this is the primary metric. */
    public boolean isPrimary() {
        return PRIMARY.equals(metric);
    }

    /**
     * Whether more forks could change this row's outcome for the gate: a primary metric that is a
     * regression, or worse than the threshold but not significant ({@code check --confirm} reruns these).
     */
    public boolean inDoubt() {
        Verdict v = decision.verdict();
        return isPrimary() && (v == Verdict.REGRESSION
                || v == Verdict.INCONCLUSIVE && decision.change() > thresholdPct / 100);
    }
}
