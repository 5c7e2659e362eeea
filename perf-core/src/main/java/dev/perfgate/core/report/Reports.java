package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;

/** Labels shared by the report formats. */
final class Reports {

    private Reports() {
    }

    /** Whether the report holds one benchmark name in more than one mode (then labels show the mode). */
    static boolean mixesModes(GateReport report) {
        return report.rows().stream().map(r -> r.id().name() + "|" + r.id().paramsText()).distinct().count()
                < report.rows().stream().map(r -> r.id()).distinct().count();
    }

    /** {@code Name.method[k=v]}, with the mode when needed and the metric when not primary. */
    static String label(ComparisonRow row, boolean withMode) {
        String base = withMode ? row.id().displayWithMode() : row.id().display();
        return row.isPrimary() ? base : base + " \u00b7 " + row.metric();
    }

    static String threshold(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }
}
