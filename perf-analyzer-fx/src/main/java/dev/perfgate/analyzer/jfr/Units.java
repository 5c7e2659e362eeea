package dev.perfgate.analyzer.jfr;

import java.time.Duration;
import java.util.Locale;

/** Human-readable bytes, rates, durations and shares for the JFR view. */
public final class Units {

    private Units() {
    }

    /** {@code 1.5 GiB}, {@code 12.0 MiB}, {@code 512 B}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 12.3 ms}, {@code 1.25 s}. */
    public static String duration(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 1000 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** A share as a percentage with one decimal: {@code 42.0%}. */
    public static String share(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "n/a";
    }

    /** A change of share in percentage points: {@code +12.5 pp}. */
    public static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.1f pp", fraction * 100);
    }
}
