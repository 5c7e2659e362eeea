package dev.perfgate.core.gate;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.stats.Decision;

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
     * Whether more forks could change this row's outcome for the gate ({@code --confirm} reruns
     * these when more forks can decide them): a primary metric that is a regression; or
     * inconclusive with an estimate worse than the threshold, or with a confidence interval whose
     * worse end reaches beyond it, so that the forks cannot rule out a regression they failed to
     * show. An inconclusive row with neither (nothing comparable, or too few forks for a test and an
     * estimate within the threshold) is not. An unchanged row is in doubt only if its interval
     * reaches beyond the threshold, which {@link dev.perfgate.core.stats.DecisionRule} never calls
     * unchanged.
     */
    public boolean inDoubt() {
        if (!isPrimary()) {
            return false;
        }
        double threshold = thresholdPct / 100;
        return switch (decision.verdict()) {
            case REGRESSION -> true;
            case INCONCLUSIVE -> decision.change() > threshold || decision.ciHigh() > threshold;
            case UNCHANGED -> decision.ciHigh() > threshold;
            default -> false;
        };
    }
}
