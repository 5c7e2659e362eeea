package dev.perfgate.analyzer.trend;

import dev.perfgate.core.history.HistoryIndex;
import dev.perfgate.core.history.RunInfo;
import dev.perfgate.core.history.TrendSeries;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Units;
import dev.perfgate.core.report.Text;
import dev.perfgate.core.stats.GatePolicy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes a {@link TrendPlot} from the selected benchmarks' series: the visible range
 * downsampled, the baseline and threshold band (or ratios to the baselines for an overlay), error
 * bars, change points and approvals, the y range, and a summary line. A plain function of its
 * inputs, made for one plot.
 */
final class TrendPlotBuilder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A plot and its summary line. */
    record Built(TrendPlot plot, String summary) {
    }

    /**
     * A change point of a series, with what changed in the environment at it.
     *
     * @param point       the change point
     * @param environment the JDK build or probes that changed from the run before to the run at it
     *                    ({@link dev.perfgate.core.model.HostIdentity#environmentChange}); empty when none did
     */
    record Change(ChangePoints.ChangePoint point, String environment) {
    }

    private final Workspace workspace;
    private final Set<BenchmarkId> shown;
    private final double[] range;
    private final int maxPoints;
    private final Map<TrendSeries, double[]> xs;
    private final Function<TrendSeries, List<Change>> changePoints;

    /**
     * @param workspace    what is open (history, baseline)
     * @param shown        the selected benchmarks (approvals of any of them are marked)
     * @param range        the visible time range, epoch milliseconds {from, to}
     * @param maxPoints    most points drawn per benchmark, at least 3
     * @param xs           cache of each series' times as doubles, filled as needed
     * @param changePoints a series' change points, or null while they are not known yet
     */
    TrendPlotBuilder(Workspace workspace, Set<BenchmarkId> shown, double[] range, int maxPoints,
                     Map<TrendSeries, double[]> xs, Function<TrendSeries, List<Change>> changePoints) {
        this.workspace = workspace;
        this.shown = shown;
        this.range = range.clone();
        this.maxPoints = maxPoints;
        this.xs = xs;
        this.changePoints = changePoints;
    }

    /**
     * The plot of the series (the selected benchmarks' histories, one series per benchmark and host
     * class: a line never joins runs of two classes), and its summary line.
     */
    Built build(List<TrendSeries> series) {
        HistoryIndex history = workspace.history().orElseThrow();
        long benchmarks = series.stream().map(TrendSeries::id).distinct().count();
        boolean overlay = benchmarks > 1;
        boolean classes = series.stream().map(TrendSeries::hostLabel).distinct().count() > 1;
        double[] r = range;
        List<TrendPlot.Series> out = new ArrayList<>();
        List<TrendPlot.Marker> markers = new ArrayList<>();
        double baseline = Double.NaN;
        double bandLow = Double.NaN;
        double bandHigh = Double.NaN;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        double errMin = Double.POSITIVE_INFINITY;
        double errMax = Double.NEGATIVE_INFINITY;
        int drawn = 0;
        int total = 0;
        int changeCount = 0;
        for (TrendSeries s : series) {
            // A baseline set of another host class says nothing about this series.
            Optional<BaselineEntry> entry = workspace.baseline()
                    .filter(b -> b.host() == null || s.hostClass() == null || b.host().hostClass().equals(s.hostClass()))
                    .flatMap(b -> b.find(s.id()));
            double base = entry.flatMap(e -> Units.convert(e.primary(), s.unit())).map(m -> m.score())
                    .orElse(Double.NaN);
            double threshold = entry.map(BaselineEntry::thresholdPct).orElse(GatePolicy.DEFAULT.thresholdPct());
            double divisor = 1;
            String name = s.id().displayWithMode();
            if (overlay) {
                boolean hasBase = Double.isFinite(base) && base > 0;
                divisor = hasBase ? base : s.score(0);
                name = s.id().shortName() + (hasBase ? "" : " (to first run)");
                baseline = 1;
                bandLow = 1 - GatePolicy.DEFAULT.thresholdPct() / 100;
                bandHigh = 1 + GatePolicy.DEFAULT.thresholdPct() / 100;
            } else if (Double.isFinite(base)) {
                baseline = base;
                bandLow = base * (1 - threshold / 100);
                bandHigh = base * (1 + threshold / 100);
            }
            if (classes) {
                // One benchmark: the title names it, the legend tells the classes apart.
                name = overlay ? name + " on " + s.hostLabel() : s.hostLabel();
            }
            double[] x = xs.computeIfAbsent(s, k -> times(s));
            double[] y = s.scores();
            int lo = Math.max(0, s.firstAtOrAfter((long) Math.floor(r[0])) - 1);
            int hi = Math.min(s.size(), s.firstAtOrAfter((long) Math.ceil(r[1]) + 1) + 1);
            int[] kept = Downsampler.lttb(x, y, lo, hi, Math.max(3, maxPoints));
            List<TrendPlot.Point> points = new ArrayList<>(kept.length);
            for (int i : kept) {
                double v = s.score(i) / divisor;
                double err = s.error(i) / divisor;
                // Overlaid series show no error bars: several benchmarks' bars would hide the lines.
                boolean hasErr = Double.isFinite(err) && !overlay;
                RunInfo run = s.run(i);
                int at = i;
                points.add(new TrendPlot.Point(x[i], v, hasErr ? v - err : Double.NaN, hasErr ? v + err : Double.NaN,
                        () -> tooltip(run, s, at)));
                if (x[i] >= r[0] && x[i] <= r[1]) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                    if (hasErr) {
                        errMin = Math.min(errMin, v - err);
                        errMax = Math.max(errMax, v + err);
                    }
                }
            }
            drawn += kept.length;
            total += hi - lo;
            out.add(new TrendPlot.Series(s.id(), name, points, hi - lo));
            List<Change> changes = changePoints.apply(s);
            if (changes != null) {
                changeCount += changes.size();
                for (Change change : changes) {
                    ChangePoints.ChangePoint cp = change.point();
                    RunInfo run = s.run(cp.index());
                    markers.add(new TrendPlot.Marker(s.time(cp.index()), TrendPlot.MarkerKind.CHANGE_POINT,
                            "Change point" + (overlay ? " in " + s.id().shortName() : "")
                                    + (classes ? " on " + s.hostLabel() : "") + ": mean "
                                    + Text.score(cp.before()) + " -> " + Text.score(cp.after()) + " " + s.unit() + " ("
                                    + Text.percent(cp.shift()) + ") from run " + run.runId()
                                    + commitText(run) + (change.environment().isEmpty() ? ""
                                    : "; an environment change, not necessarily the code's: " + change.environment())));
                }
            }
        }
                for (HistoryRecord.ApprovalRecord a : history.approvals()) {
            if (a.benchmarks().stream().anyMatch(shown::contains)) {
                markers.add(new TrendPlot.Marker(a.timestamp().toEpochMilli(), TrendPlot.MarkerKind.APPROVAL,
                        "Approved by " + a.approver() + " on " + TIME.format(a.timestamp()) + ": " + a.reason()));
            }
        }
        if (Double.isFinite(bandLow)) {
            yMin = Math.min(yMin, bandLow);
            yMax = Math.max(yMax, bandHigh);
        }
        // Error bars widen the range by at most half of it: wide bars must not flatten the trend.
        double span = yMax - yMin;
        if (span > 0 && Double.isFinite(errMin)) {
            yMin = Math.min(yMin, Math.max(errMin, yMin - span / 2));
            yMax = Math.max(yMax, Math.min(errMax, yMax + span / 2));
        }
        if (!(yMax > yMin)) {
            double mid = Double.isFinite(yMin) ? yMin : 1;
            yMin = mid - Math.max(Math.abs(mid) * 0.05, 1e-9);
            yMax = mid + Math.max(Math.abs(mid) * 0.05, 1e-9);
        }
        double pad = (yMax - yMin) * 0.06;
        TrendSeries first = series.get(0);
        String title = overlay ? benchmarks + " benchmarks, relative to their baselines"
                : first.id().displayWithMode();
        String yLabel = overlay ? "ratio to baseline" : first.unit();
        String summary = (history.runs().size() + " runs; " + total + " points in view, " + drawn + " drawn"
                + (classes ? "; " + series.stream().map(TrendSeries::hostLabel).distinct().count()
                + " host classes, one line each" : "")
                + "; " + changeCount + (changeCount == 1 ? " change point" : " change points")
                + (overlay || !Double.isFinite(baseline) ? "" : "; baseline " + Text.score(baseline) + " " + first.unit()
                + " \u00b1" + Text.score((bandHigh / baseline - 1) * 100) + "%"));
        return new Built(new TrendPlot(title, yLabel, overlay, out, baseline, bandLow, bandHigh, markers, r[0], r[1],
                yMin - pad, yMax + pad), summary);
    }

    private static double[] times(TrendSeries s) {
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.time(i);
        }
        return x;
    }

    private static String tooltip(RunInfo run, TrendSeries s, int i) {
        String error = Double.isFinite(s.error(i)) ? " \u00b1 " + Text.score(s.error(i)) : "";
        return run.runId() + commitText(run) + "\n" + TIME.format(Instant.ofEpochMilli(s.time(i))) + "\n"
                + Text.score(s.score(i)) + error + " " + s.unit();
    }

    private static String commitText(RunInfo run) {
        return run.commit().isEmpty() ? "" : " (commit " + run.shortCommit() + ")";
    }
}
