package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.stats.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report a person reads in a terminal or a CI log: a fixed-width table of every benchmark
 * metric, the notes that explain inconclusive verdicts, and a closing summary line.
 */
public final class ConsoleReport {

    private static final int NAME_WIDTH = 100;

    private ConsoleReport() {
    }

    /** The report's text, lines ending in {@code \n}. */
    public static String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        for (String note : report.fingerprintNotes()) {
            out.append("note: different machine or JVM than the baseline: ").append(Text.plain(note, 300)).append('\n');
        }
        if (report.advisory()) {
            out.append("note: verdicts are advisory and do not fail the build (use --strict to enforce): ")
                    .append(Text.plain(report.advisoryReason(), 1000)).append('\n');
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"Benchmark", "Unit", "Baseline", "Current", "Change", "95% CI", "p", "Verdict"});
        boolean mixedModes = ReportLabels.mixesModes(report);
        String prefix = ReportLabels.commonPackage(report);
        if (!prefix.isEmpty()) {
            out.append("Benchmarks in ").append(Text.plain(prefix.substring(0, prefix.length() - 1), NAME_WIDTH))
                    .append(":\n");
        }
        for (ComparisonRow row : report.rows()) {
            table.add(new String[] {
                Text.plain(ReportLabels.label(row, mixedModes, prefix), NAME_WIDTH),
                Text.plain(row.unit(), 12),
                Text.score(row.baseline()),
                Text.score(row.current()),
                Text.percent(row.decision().change()),
                Text.interval(row.decision().ciLow(), row.decision().ciHigh()),
                Text.pValue(row.decision().pValue()),
                row.decision().verdict().label().toUpperCase(Locale.ROOT)});
        }
        int[] widths = new int[table.get(0).length];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (String[] cells : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                boolean left = i == 0 || i == 1 || i == cells.length - 1;
                String cell = left ? String.format(Locale.ROOT, "%-" + widths[i] + "s", cells[i])
                        : String.format(Locale.ROOT, "%" + widths[i] + "s", cells[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (ComparisonRow row : report.rows()) {
            if (!row.decision().note().isEmpty() && row.decision().verdict() != Verdict.NEW) {
                out.append("  ").append(Text.plain(ReportLabels.label(row, mixedModes, prefix), NAME_WIDTH)).append(": ")
                        .append(Text.plain(row.decision().note(), 400)).append('\n');
            }
        }
        int missing = report.counts().getOrDefault(Verdict.MISSING, 0);
        if (missing > 0) {
            out.append("warning: ").append(missing).append(missing == 1 ? " benchmark" : " benchmarks")
                    .append(" of the baseline did not run, so ").append(missing == 1 ? "it is" : "they are")
                    .append(" not gated (renamed, or filtered out by --include?)\n");
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /**
     * One line: {@code perf-gate: REGRESSION - 1 regression, 2 unchanged in 3 benchmarks
     * (threshold 5%, linux-x86_64)}.
     */
    public static String summary(GateReport report) {
        String status = report.fails() ? "REGRESSION" : report.hasRegression() ? "PASS (advisory regressions)" : "PASS";
        return "perf-gate: " + status + " - " + verdictCounts(report) + " in " + report.benchmarkCount()
                + " benchmarks (threshold " + ReportLabels.threshold(report.thresholdPct()) + "%"
                + (report.platform().isEmpty() ? "" : ", " + report.platform()) + ")";
    }

    /** E.g. {@code 2 regressions, 1 unchanged; allocation: 3 unchanged}. */
    static String verdictCounts(GateReport report) {
        String primary = counts(report.primaryCounts());
        Map<Verdict, Integer> secondary = report.secondaryCounts();
        return secondary.isEmpty() ? primary : primary + "; allocation: " + counts(secondary);
    }

    /** E.g. {@code 2 regressions, 1 unchanged}; {@code nothing compared} when empty. */
    static String counts(Map<Verdict, Integer> counts) {
        if (counts.isEmpty()) {
            return "nothing compared";
        }
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()
                        + (e.getValue() > 1 && (e.getKey() == Verdict.REGRESSION || e.getKey() == Verdict.IMPROVEMENT)
                        ? "s" : ""))
                .collect(Collectors.joining(", "));
    }
}
