package dev.perfgate.analyzer.compare;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;

/**
 * The console report's way of naming benchmarks in a table (perf-core keeps it package-private):
 * the package prefix all rows share is dropped, and the mode is added when one method ran in
 * several modes.
 */
final class ReportLabels {

    private ReportLabels() {
    }

    /** As the console report: whether one benchmark name ran in several modes. */
    static boolean mixesModes(GateReport report) {
        return report.rows().stream().map(r -> r.id().name() + "|" + r.id().paramsText()).distinct().count()
                < report.rows().stream().map(ComparisonRow::id).distinct().count();
    }

    /** As the console report: the package prefix ({@code a.b.}) all benchmark names share. */
    static String commonPackage(GateReport report) {
        String prefix = null;
        for (ComparisonRow row : report.rows()) {
            String name = row.id().name();
            int lastDot = name.lastIndexOf('.');
            int classDot = lastDot > 0 ? name.lastIndexOf('.', lastDot - 1) : -1;
            String pkg = classDot > 0 ? name.substring(0, classDot + 1) : "";
            if (prefix == null) {
                prefix = pkg;
            } else {
                int i = 0;
                while (i < prefix.length() && i < pkg.length() && prefix.charAt(i) == pkg.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, prefix.lastIndexOf('.', i - 1) + 1);
            }
        }
        return prefix == null ? "" : prefix;
    }
}
