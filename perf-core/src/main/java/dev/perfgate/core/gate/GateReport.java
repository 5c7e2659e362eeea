package dev.perfgate.core.gate;

import dev.perfgate.core.stats.Verdict;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of comparing a candidate with a base: one row per benchmark metric, plus what the
 * reports must say about the context.
 *
 * @param platform         platform key, e.g. {@code linux-x86_64}
 * @param thresholdPct     the default threshold in percent
 * @param rows             the rows, sorted by benchmark identity, primary metric first
 * @param fingerprintNotes differences between the base's and the candidate's machine or JVM
 * @param advisoryReason   why the verdicts are advice only, e.g. that no baseline is of this
 *                         host's class and what differs (and the gate is not strict); empty when
 *                         they count: a regression then fails the gate
 */
public record GateReport(String platform, double thresholdPct, List<ComparisonRow> rows,
                         List<String> fingerprintNotes, String advisoryReason) {

    public GateReport {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(advisoryReason, "advisoryReason");
        rows = List.copyOf(rows);
        fingerprintNotes = List.copyOf(fingerprintNotes);
    }

    /** This report with the context of the comparison. */
    public GateReport withContext(String newPlatform, List<String> notes, String reason) {
        return new GateReport(newPlatform, thresholdPct, rows, notes, reason);
    }

    /** Whether verdicts are advice only: a regression then does not fail the gate. */
    public boolean advisory() {
        return !advisoryReason.isEmpty();
    }

    /** Rows whose verdict is a regression. */
    public List<ComparisonRow> regressions() {
        return rows.stream().filter(r -> r.decision().verdict().failsGate()).toList();
    }

    /** Whether any row is a regression (whether or not the verdicts are advisory). */
    public boolean hasRegression() {
        return !regressions().isEmpty();
    }

    /** Whether the gate fails: a regression and verdicts that are not advisory. */
    public boolean fails() {
        return hasRegression() && !advisory();
    }

    /** Number of rows per verdict. */
    public Map<Verdict, Integer> counts() {
        return counts(rows);
    }

    /** Number of primary-metric rows (one per benchmark) per verdict. */
    public Map<Verdict, Integer> primaryCounts() {
        return counts(rows.stream().filter(ComparisonRow::isPrimary).toList());
    }

    /** Number of secondary-metric rows (the allocation gate) per verdict. */
    public Map<Verdict, Integer> secondaryCounts() {
        return counts(rows.stream().filter(r -> !r.isPrimary()).toList());
    }

    private static Map<Verdict, Integer> counts(List<ComparisonRow> selected) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        selected.forEach(r -> counts.merge(r.decision().verdict(), 1, Integer::sum));
        return counts;
    }

    /** Number of distinct benchmarks compared. */
    public long benchmarkCount() {
        return rows.stream().map(ComparisonRow::id).distinct().count();
    }
}
