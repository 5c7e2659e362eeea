package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.stats.Verdict;

/**
 * The report as GitHub-flavoured Markdown, for a pull-request comment or a job summary: a
 * summary line first, then a table with change, confidence interval, p-value and verdict per
 * benchmark, then the notes. Every benchmark name and note is escaped with {@link Text#markdown},
 * so names cannot inject Markdown, HTML or {@code @}-mentions.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown text. */
    public static String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append(summaryLine(report)).append("\n\n");
        for (String note : report.fingerprintNotes()) {
            out.append("> Different machine or JVM than the baseline: ").append(Text.markdown(note, 1000)).append("\n");
        }
        if (report.advisory()) {
            out.append("> CPU model or JDK version differs from the baseline's: verdicts are advisory.\n");
        }
        if (!report.fingerprintNotes().isEmpty() || report.advisory()) {
            out.append('\n');
        }
        boolean mixedModes = ReportLabels.mixesModes(report);
        out.append("| Benchmark | Unit | Baseline | Current | Change | 95% CI | p | Verdict |\n");
        out.append("|:--|:--|--:|--:|--:|--:|--:|:--|\n");
        for (ComparisonRow row : report.rows()) {
            out.append("| ").append(Text.markdown(ReportLabels.label(row, mixedModes)))
                    .append(" | ").append(Text.markdown(row.unit()))
                    .append(" | ").append(Text.score(row.baseline()))
                    .append(" | ").append(Text.score(row.current()))
                    .append(" | ").append(Text.percent(row.decision().change()))
                    .append(" | ").append(Text.interval(row.decision().ciLow(), row.decision().ciHigh()))
                    .append(" | ").append(Text.pValue(row.decision().pValue()))
                    .append(" | ").append(verdict(row.decision().verdict()))
                    .append(" |\n");
        }
        boolean header = false;
        for (ComparisonRow row : report.rows()) {
            if (row.decision().note().isEmpty() || row.decision().verdict() == Verdict.NEW) {
                continue;
            }
            if (!header) {
                out.append("\n**Notes**\n\n");
                header = true;
            }
            out.append("- ").append(Text.markdown(ReportLabels.label(row, mixedModes))).append(": ")
                    .append(Text.markdown(row.decision().note(), 1000)).append('\n');
        }
        out.append("\n<sub>Change: positive is worse (slower, fewer ops/s, more bytes). Regression = worse than "
                + "the threshold and significant (Mann-Whitney U over forks, Benjamini-Hochberg adjusted p).</sub>\n");
        return out.toString();
    }

    /** The first line: a status mark and the counts. */
    public static String summaryLine(GateReport report) {
        String mark = report.fails() ? ":x:" : report.hasRegression() ? ":warning:" : ":white_check_mark:";
        String status = report.fails() ? "regression" : report.hasRegression() ? "pass (advisory regressions)" : "pass";
        return "### " + mark + " perf-gate: " + status + " \u2014 " + ConsoleReport.verdictCounts(report)
                + " in " + report.benchmarkCount() + " benchmarks (threshold "
                + ReportLabels.threshold(report.thresholdPct()) + "%"
                + (report.platform().isEmpty() ? "" : ", " + Text.markdown(report.platform())) + ")";
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
