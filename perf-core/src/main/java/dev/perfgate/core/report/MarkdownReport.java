package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.json.ModelJson;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Units;
import dev.perfgate.core.stats.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report as GitHub-flavoured Markdown, made to be posted as one pull-request comment and
 * appended to a job summary: the hidden {@link #MARKER} first (the comment-posting script finds its
 * earlier comment by it and edits that instead of adding another), a summary line, a table with
 * change, confidence interval, p-value and verdict per benchmark, then the notes.
 *
 * <p>Every benchmark name, unit and note is escaped with {@link Text#markdown}, so names cannot
 * inject Markdown, HTML or {@code @}-mentions.
 *
 * <p><b>Trend column.</b> Given the history of the benchmarks, the table gets a Trend column: a
 * {@link Sparkline} of the last {@value #TREND_RUNS} recorded scores of each benchmark followed by
 * this run's score. The column is there only when at least one benchmark has history; rows without
 * history, and secondary-metric rows, leave the cell empty.
 *
 * <p><b>Size.</b> GitHub refuses a comment over 65,536 characters. The report is never longer than a
 * budget ({@value #MAX_BYTES} by default), counted in UTF-8 bytes: at least as many as characters
 * however GitHub counts them. When the whole report would be longer, rows are left out, least
 * important first: regressions are kept first, then inconclusive rows, improvements, new and
 * missing benchmarks, and as many unchanged rows as still fit. The kept rows stay in the report's
 * order; a line after the table says how many rows were left out and where the full report is.
 * Notes are cut the same way.
 */
public final class MarkdownReport {

    /** The first line of every Markdown report: an HTML comment GitHub does not show. */
    public static final String MARKER = "<!-- perf-gate-report -->";

    /** Default size budget in UTF-8 bytes: GitHub's comment limit of 65,536 with room to spare. */
    public static final int MAX_BYTES = 60_000;

    /** Smallest budget {@link #render(GateReport, List, int)} accepts: room for the summary, notes and header. */
    public static final int MIN_BYTES = 16_000;

    /** Recorded runs drawn in the Trend column before the current run. */
    public static final int TREND_RUNS = 20;

    /** Longest fingerprint note shown, in characters before escaping. */
    private static final int NOTE_CHARS = 1000;

    /** Most bytes the fingerprint notes take together; more are left out. */
    private static final int FINGERPRINT_BYTES = 6_000;

    private MarkdownReport() {
    }

    /** The Markdown text without a Trend column, within {@value #MAX_BYTES} bytes. */
    public static String render(GateReport report) {
        return render(report, List.of());
    }

    /**
     * The Markdown text with a Trend column drawn from {@code history}, within {@value #MAX_BYTES} bytes.
     *
     * @param history trends of the report's benchmarks (any others are ignored), scores oldest first,
     *                without the current run; empty for no Trend column
     */
    public static String render(GateReport report, List<Trend> history) {
        return render(report, history, MAX_BYTES);
    }

    /**
     * As {@link #render(GateReport, List)} within another budget.
     *
     * @param maxBytes most UTF-8 bytes of the text, at least {@value #MIN_BYTES}
     */
    public static String render(GateReport report, List<Trend> history, int maxBytes) {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + MIN_BYTES + " but was " + maxBytes);
        }
        Map<BenchmarkId, Trend> trends = new HashMap<>();
        for (Trend t : history) {
            if (!t.points().isEmpty()) {
                trends.put(t.id(), t);
            }
        }
        boolean trendColumn = report.rows().stream().anyMatch(r -> r.isPrimary() && trends.containsKey(r.id()));
        boolean mixedModes = ReportLabels.mixesModes(report);
        List<MarkdownBudget.Row> rows = new ArrayList<>();
        for (ComparisonRow row : report.rows()) {
            String label = Text.markdown(ReportLabels.label(row, mixedModes));
            StringBuilder line = new StringBuilder(200);
            line.append("| ").append(label)
                    .append(" | ").append(Text.markdown(row.unit()))
                    .append(" | ").append(Text.score(row.baseline()))
                    .append(" | ").append(Text.score(row.current()));
            if (trendColumn) {
                line.append(" | ").append(trendCell(row, trends.get(row.id())));
            }
            line.append(" | ").append(Text.percent(row.decision().change()))
                    .append(" | ").append(Text.interval(row.decision().ciLow(), row.decision().ciHigh()))
                    .append(" | ").append(Text.pValue(row.decision().pValue()))
                    .append(" | ").append(verdict(row.decision().verdict()))
                    .append(" |\n");
            boolean noted = !row.decision().note().isEmpty() && row.decision().verdict() != Verdict.NEW;
            String note = noted ? "- " + label + ": " + Text.markdown(row.decision().note(), NOTE_CHARS) + "\n" : "";
            rows.add(new MarkdownBudget.Row(line.toString(), row.decision().verdict(), note));
        }
        String tableHeader = trendColumn
                ? "| Benchmark | Unit | Baseline | Current | Trend | Change | 95% CI | p | Verdict |\n"
                        + "|:--|:--|--:|--:|:--|--:|--:|--:|:--|\n"
                : "| Benchmark | Unit | Baseline | Current | Change | 95% CI | p | Verdict |\n"
                        + "|:--|:--|--:|--:|--:|--:|--:|:--|\n";
        return new MarkdownBudget(maxBytes).fit(head(report), tableHeader, rows, legend(trendColumn));
    }

    /** The first line after the marker: a status mark and the counts. */
    public static String summaryLine(GateReport report) {
        String mark = report.fails() ? ":x:" : report.hasRegression() ? ":warning:" : ":white_check_mark:";
        String status = report.fails() ? "regression" : report.hasRegression() ? "pass (advisory regressions)" : "pass";
        return "### " + mark + " perf-gate: " + status + " \u2014 " + ConsoleReport.verdictCounts(report)
                + " in " + report.benchmarkCount() + " benchmarks (threshold "
                + ReportLabels.threshold(report.thresholdPct()) + "%"
                + (report.platform().isEmpty() ? "" : ", " + Text.markdown(report.platform())) + ")";
    }

    /** Marker, summary line and the context of the comparison; at most about 8,000 bytes. */
    private static String head(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append(MARKER).append('\n').append(summaryLine(report)).append("\n\n");
        int used = 0;
        int shown = 0;
        for (String note : report.fingerprintNotes()) {
            String line = "> Different machine or JVM than the baseline: " + Text.markdown(note, NOTE_CHARS) + "\n";
            int bytes = MarkdownBudget.utf8Length(line);
            if (used + bytes > FINGERPRINT_BYTES) {
                break;
            }
            out.append(line);
            used += bytes;
            shown++;
        }
        int hidden = report.fingerprintNotes().size() - shown;
        if (hidden > 0) {
            out.append("> \u2026 and ").append(hidden).append(" more ")
                    .append(hidden == 1 ? "difference\n" : "differences\n");
        }
        if (report.advisory()) {
            out.append("> Verdicts are advisory: ").append(Text.markdown(report.advisoryReason(), NOTE_CHARS))
                    .append('\n');
        }
        if (!report.fingerprintNotes().isEmpty() || report.advisory()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static String legend(boolean trendColumn) {
        return "\n<sub>Change: positive is worse (slower, fewer ops/s, more bytes). Regression = worse than "
                + "the threshold and significant (Mann-Whitney U over forks, Benjamini-Hochberg adjusted p). "
                + "Unchanged = the 95% CI's worse end lies within the threshold; inconclusive = the forks do not "
                + "decide (see the notes)."
                + (trendColumn ? " Trend: up to " + TREND_RUNS + " recorded runs, then this one (rightmost), "
                + "scaled between the line's own lowest and highest score; a gap is a run without a score." : "")
                + "</sub>\n";
    }

    /** The sparkline of a primary row's recorded scores and its current score; empty without history. */
    private static String trendCell(ComparisonRow row, Trend trend) {
        if (trend == null || !row.isPrimary()) {
            return "";
        }
        List<Trend.Point> points = trend.points();
        List<Trend.Point> recent = points.subList(Math.max(0, points.size() - TREND_RUNS), points.size());
        double[] series = new double[recent.size() + 1];
        for (int i = 0; i < recent.size(); i++) {
            series[i] = recent.get(i).score();
        }
        String unit = Objects.requireNonNullElse(trend.unit(), row.unit());
        // rounded as the history rounds what it records, so an unchanged score draws no step
        series[recent.size()] = Units.factor(row.unit(), unit).map(f -> ModelJson.round(row.current() * f))
                .orElse(Double.NaN);
        return Sparkline.of(series);
    }

    private static String verdict(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> ":x: regression";
            case IMPROVEMENT -> ":rocket: improvement";
            case UNCHANGED -> "unchanged";
            case INCONCLUSIVE -> ":grey_question: inconclusive";
            case NEW -> ":new: new";
            case MISSING -> ":warning: missing";
        };
    }
}
