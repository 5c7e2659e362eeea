package dev.perfgate.analyzer.compare;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.report.Text;
import dev.perfgate.core.stats.Verdict;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of the comparison table: a {@link ComparisonRow} with its cells formatted exactly as
 * {@code perf-gate check} prints them ({@link Text#score}, {@link Text#percent},
 * {@link Text#interval}, {@link Text#pValue}), keeping the numbers for sorting.
 *
 * @param row   the row as perf-core's {@link dev.perfgate.core.gate.Gate} computed it
 * @param label the benchmark as the console report names it (shared package prefix dropped, mode
 *              added when one method ran in several modes), without the metric
 */
public record ComparisonLine(ComparisonRow row, String label) {

    public ComparisonLine {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(label, "label");
    }

    public BenchmarkId id() {
        return row.id();
    }

    /** {@code primary} or the secondary metric's name. */
    public String metric() {
        return row.metric();
    }

    public String unit() {
        return Text.plain(row.unit(), 12);
    }

    public String baselineText() {
        return Text.score(row.baseline());
    }

    public String currentText() {
        return Text.score(row.current());
    }

    public String changeText() {
        return Text.percent(row.decision().change());
    }

    public String intervalText() {
        return Text.interval(row.decision().ciLow(), row.decision().ciHigh());
    }

    public String pText() {
        return Text.pValue(row.decision().pValue());
    }

    public Verdict verdict() {
        return row.decision().verdict();
    }

    /** The verdict as the console prints it, e.g. {@code REGRESSION}. */
    public String verdictText() {
        return verdict().label().toUpperCase(Locale.ROOT);
    }

    /** The decision's explanation (inconclusive verdicts say what would decide them); may be empty. */
    public String note() {
        return row.decision().note();
    }

    /** The label as the console prints it: with {@code " · metric"} for secondary metrics. */
    public String consoleLabel() {
        return row.isPrimary() ? label : label + " \u00b7 " + row.metric();
    }
}
