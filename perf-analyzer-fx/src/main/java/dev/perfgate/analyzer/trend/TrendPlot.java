package dev.perfgate.analyzer.trend;

import dev.perfgate.core.model.BenchmarkId;

import java.util.List;
import java.util.Objects;

/**
 * What the trend chart draws, computed by {@link TrendViewModel}: display-ready series (already
 * downsampled), the baseline and its threshold band, change points and approvals, and the visible
 * ranges. X values are epoch milliseconds.
 *
 * @param title      chart title
 * @param yLabel     the y axis label: the unit, or "ratio to baseline" when normalized
 * @param normalized whether values are ratios to each benchmark's baseline (an overlay)
 * @param series     one per selected benchmark
 * @param baseline   the baseline value (1 when normalized); NaN when there is none
 * @param bandLow    lower edge of the threshold band; NaN when there is no baseline
 * @param bandHigh   upper edge of the threshold band; NaN when there is no baseline
 * @param markers    change points and approvals
 * @param xFrom      visible x range start
 * @param xTo        visible x range end
 * @param yFrom      visible y range start
 * @param yTo        visible y range end
 */
public record TrendPlot(String title, String yLabel, boolean normalized, List<Series> series, double baseline,
                        double bandLow, double bandHigh, List<Marker> markers, double xFrom, double xTo,
                        double yFrom, double yTo) {

    public TrendPlot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    /** Total number of points drawn. */
    public int pointCount() {
        return series.stream().mapToInt(s -> s.points().size()).sum();
    }

    /**
     * One benchmark's displayed points.
     *
     * @param id          the benchmark
     * @param name        legend text
     * @param points      points to draw, by time
     * @param totalPoints how many points the benchmark has in the visible range before downsampling
     */
    public record Series(BenchmarkId id, String name, List<Point> points, int totalPoints) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * A drawn point.
     *
     * @param x       epoch milliseconds
     * @param y       value
     * @param errLow  lower end of the error bar; NaN when unknown
     * @param errHigh upper end of the error bar; NaN when unknown
     * @param tooltip run, commit, time and value, one per line (made when first shown: a plot has
     *                hundreds of points and the mouse visits few)
     */
    public record Point(double x, double y, double errLow, double errHigh, java.util.function.Supplier<String> tooltip) {
    }

    /** What a vertical marker shows. */
    public enum MarkerKind {
        /** A level shift found by perf-core's change-point detection. */
        CHANGE_POINT,
        /** A baseline approval involving a shown benchmark. */
        APPROVAL
    }

    /**
     * A vertical marker.
     *
     * @param x     epoch milliseconds
     * @param kind  what it marks
     * @param label its description
     */
    public record Marker(double x, MarkerKind kind, String label) {
    }
}
