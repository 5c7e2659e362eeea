package dev.perfgate.core.report;

import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;

/**
 * How reports name benchmarks: {@code Name.method[k=v]}, with the mode where one method ran in
 * several modes, the metric for secondary rows, and optionally without the package every row
 * shares. Shared by the report formats and the desktop analyzer's table, so both read alike.
 */
public final class ReportLabels {

    private ReportLabels() {
    }

    /** Whether the report holds one benchmark name in more than one mode (then labels show the mode). */
    public static boolean mixesModes(GateReport report) {
        return report.rows().stream().map(r -> r.id().name() + "|" + r.id().paramsText()).distinct().count()
                < report.rows().stream().map(r -> r.id()).distinct().count();
    }

    /** {@code Name.method[k=v]}, with the mode when needed and the metric when not primary. */
    public static String label(ComparisonRow row, boolean withMode) {
        return label(row, withMode, "");
    }

    /** As {@link #label(ComparisonRow, boolean)}, without a package prefix all rows share. */
    public static String label(ComparisonRow row, boolean withMode, String commonPrefix) {
        String base = withMode ? row.id().displayWithMode() : row.id().display();
        base = base.startsWith(commonPrefix) ? base.substring(commonPrefix.length()) : base;
        return row.isPrimary() ? base : base + " \u00b7 " + row.metric();
    }

    /** The package prefix ({@code a.b.}) every row's benchmark name starts with; empty if none. */
    public static String commonPackage(GateReport report) {
        return commonPackage(report.rows().stream().map(ComparisonRow::id).toList());
    }

    /** The package prefix ({@code a.b.}) every benchmark's name starts with; empty if none. */
    public static String commonPackage(java.util.Collection<dev.perfgate.core.model.BenchmarkId> ids) {
        String prefix = null;
        for (dev.perfgate.core.model.BenchmarkId id : ids) {
            String name = id.name();
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

    /** A threshold in percent without a needless {@code .0}: {@code 5}, {@code 7.5}. */
    public static String threshold(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }
}
