package dev.perfgate.analyzer.trend;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of {@link TrendPlot}s: time on the x axis (epoch milliseconds shown as UTC dates),
 * with the baseline as a horizontal line inside its shaded threshold band, error bars (JMH's
 * score error), and vertical markers for change points (orange, dashed) and approvals (purple).
 * Each drawn point has a tooltip naming its run, commit and time. It only draws: state and
 * arithmetic are the {@link TrendViewModel}'s.
 */
public final class TrendChart extends LineChart<Number, Number> {

    /** Points above this count are drawn as lines only (hovering still shows the nearest point). */
    static final int MAX_SYMBOLS = 300;
    /** How near (in pixels) the mouse must come to a point for its tooltip. */
    private static final double HOVER_DISTANCE = 14;

    private final AlignedAxis timeAxis;
    private final AlignedAxis valueAxis;
    private final Rectangle band = new Rectangle();
    private final Line baselineLine = new Line();
    private final List<Line> markerLines = new ArrayList<>();
    private final List<Path> errorBars = new ArrayList<>();
    private TrendPlot plot;
    private final Tooltip pointTip = new Tooltip();
    private final javafx.scene.shape.Circle hoverDot = new javafx.scene.shape.Circle(5);
    private TrendPlot.Point hovered;
    /** The rectangle a drag to zoom draws, from where it started to the pointer. */
    private final Rectangle selection = new Rectangle();

    public TrendChart() {
        super(new AlignedAxis(), new AlignedAxis());
        timeAxis = (AlignedAxis) getXAxis();
        valueAxis = (AlignedAxis) getYAxis();
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        setAnimated(false);
        timeAxis.setLabel("time (UTC)");
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.getStyleClass().add("threshold-band");
        band.setStyle("-fx-fill: rgba(46,139,87,0.13);");
        baselineLine.setManaged(false);
        baselineLine.setMouseTransparent(true);
        baselineLine.setStyle("-fx-stroke: seagreen; -fx-stroke-width: 1.5;");
        getPlotChildren().addAll(band, baselineLine);
        setId("trendChart");
        hoverDot.setManaged(false);
        hoverDot.setMouseTransparent(true);
        hoverDot.setVisible(false);
        hoverDot.setStyle("-fx-fill: transparent; -fx-stroke: #222; -fx-stroke-width: 2;");
        getPlotChildren().add(hoverDot);
        selection.setManaged(false);
        selection.setMouseTransparent(true);
        selection.setVisible(false);
        selection.setId("zoomSelection");
        selection.setStyle("-fx-fill: rgba(30,100,200,0.15); -fx-stroke: rgba(30,100,200,0.8); -fx-stroke-width: 1;");
        getPlotChildren().add(selection);
        pointTip.setId("pointTooltip");
        setOnMouseMoved(e -> hover(e.getSceneX(), e.getSceneY(), e.getScreenX(), e.getScreenY()));
        setOnMouseExited(e -> unhover());
    }

    /** The plot shown, or null. */
    public TrendPlot plot() {
        return plot;
    }

    /** Shows a plot; null clears the chart. */
    public void show(TrendPlot newPlot) {
        this.plot = newPlot;
        unhover();
        getPlotChildren().removeAll(markerLines);
        getPlotChildren().removeAll(errorBars);
        markerLines.clear();
        errorBars.clear();
        if (newPlot == null) {
            getData().clear();
            return;
        }
        setTitle(newPlot.title());
        setLegendVisible(newPlot.series().size() > 1);
        timeAxis.setLowerBound(newPlot.xFrom());
        timeAxis.setUpperBound(newPlot.xTo());
        double timeUnit = timeUnit((newPlot.xTo() - newPlot.xFrom()) / 7);
        timeAxis.setTickUnit(timeUnit);
        timeAxis.setTickLabelFormatter(dates(timeUnit, (long) newPlot.xFrom()));
        valueAxis.setLowerBound(newPlot.yFrom());
        valueAxis.setUpperBound(newPlot.yTo());
        valueAxis.setTickUnit(niceUnit((newPlot.yTo() - newPlot.yFrom()) / 8));
        valueAxis.setLabel(newPlot.yLabel());
        boolean symbols = newPlot.pointCount() <= MAX_SYMBOLS;
        setCreateSymbols(symbols);
        ObservableList<Series<Number, Number>> all = FXCollections.observableArrayList();
        for (TrendPlot.Series s : newPlot.series()) {
            Series<Number, Number> series = new Series<>();
            series.setName(s.name());
            List<Data<Number, Number>> data = new ArrayList<>(s.points().size());
            for (TrendPlot.Point p : s.points()) {
                data.add(new Data<>(p.x(), p.y(), p));
            }
            series.getData().setAll(data);
            all.add(series);
            Path bars = new Path();
            bars.setManaged(false);
            bars.setMouseTransparent(true);
            bars.getStyleClass().add("error-bars");
            bars.setStyle("-fx-stroke: rgba(60,60,60,0.45); -fx-stroke-width: 1;");
            errorBars.add(bars);
        }
        setData(all);
        for (TrendPlot.Marker m : newPlot.markers()) {
            Line line = new Line();
            line.setManaged(false);
            line.getStyleClass().add(m.kind() == TrendPlot.MarkerKind.CHANGE_POINT ? "change-point" : "approval");
            line.setStyle(m.kind() == TrendPlot.MarkerKind.CHANGE_POINT
                    ? "-fx-stroke: darkorange; -fx-stroke-width: 2; -fx-stroke-dash-array: 6 4;"
                    : "-fx-stroke: mediumpurple; -fx-stroke-width: 2;");
            line.setUserData(m);
            Tooltip tip = new Tooltip(m.label());
            tip.setShowDelay(Duration.millis(100));
            Tooltip.install(line, tip);
            markerLines.add(line);
        }
        getPlotChildren().addAll(errorBars);
        getPlotChildren().addAll(markerLines);
        hoverDot.toFront();
        band.toBack();
        requestChartLayout();
    }

    /** The point under the mouse (its tooltip is shown), or null. */
    public TrendPlot.Point hovered() {
        return hovered;
    }

    /** The tooltip of the hovered point. */
    public Tooltip pointTooltip() {
        return pointTip;
    }

    /**
     * Shows the tooltip of the drawn point nearest to the mouse, if one is within a few pixels: one
     * tooltip for the whole chart, found by binary search, so any number of points costs nothing
     * until hovered.
     */
    private void hover(double sceneX, double sceneY, double screenX, double screenY) {
        if (plot == null) {
            return;
        }
        double mx = timeAxis.sceneToLocal(sceneX, sceneY).getX();
        double my = valueAxis.sceneToLocal(sceneX, sceneY).getY();
        TrendPlot.Point best = null;
        double bestDistance = HOVER_DISTANCE;
        double value = timeAxis.getValueForDisplay(mx).doubleValue();
        for (TrendPlot.Series s : plot.series()) {
            List<TrendPlot.Point> points = s.points();
            int lo = 0;
            int hi = points.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (points.get(mid).x() < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = Math.max(0, lo - 3); i < Math.min(points.size(), lo + 3); i++) {
                TrendPlot.Point p = points.get(i);
                double d = Math.hypot(timeAxis.getDisplayPosition(p.x()) - mx, valueAxis.getDisplayPosition(p.y()) - my);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
        }
        if (best == null) {
            unhover();
            return;
        }
        if (best != hovered) {
            hovered = best;
            pointTip.setText(best.tooltip().get());
            hoverDot.setCenterX(timeAxis.getDisplayPosition(best.x()));
            hoverDot.setCenterY(valueAxis.getDisplayPosition(best.y()));
            hoverDot.setVisible(true);
            hoverDot.toFront();
        }
        if (getScene() != null && getScene().getWindow() != null) {
            pointTip.show(this, screenX + 14, screenY + 14);
        }
    }

    private void unhover() {
        hovered = null;
        hoverDot.setVisible(false);
        pointTip.hide();
    }

    /** The markers currently drawn (change points and approvals). */
    public List<TrendPlot.Marker> drawnMarkers() {
        return markerLines.stream().map(l -> (TrendPlot.Marker) l.getUserData()).toList();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (plot == null) {
            band.setVisible(false);
            baselineLine.setVisible(false);
            return;
        }
        double width = timeAxis.getWidth();
        double height = valueAxis.getHeight();
        boolean hasBand = Double.isFinite(plot.bandLow()) && Double.isFinite(plot.bandHigh());
        band.setVisible(hasBand);
        if (hasBand) {
            double top = valueAxis.getDisplayPosition(plot.bandHigh());
            double bottom = valueAxis.getDisplayPosition(plot.bandLow());
            band.setX(0);
            band.setY(Math.max(0, top));
            band.setWidth(width);
            band.setHeight(Math.max(0, Math.min(height, bottom) - Math.max(0, top)));
        }
        baselineLine.setVisible(Double.isFinite(plot.baseline()));
        if (Double.isFinite(plot.baseline())) {
            double y = valueAxis.getDisplayPosition(plot.baseline());
            baselineLine.setStartX(0);
            baselineLine.setEndX(width);
            baselineLine.setStartY(y);
            baselineLine.setEndY(y);
        }
        for (Line line : markerLines) {
            TrendPlot.Marker m = (TrendPlot.Marker) line.getUserData();
            double x = timeAxis.getDisplayPosition(m.x());
            line.setVisible(m.x() >= plot.xFrom() && m.x() <= plot.xTo());
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
        }
        for (int s = 0; s < errorBars.size() && s < plot.series().size(); s++) {
            Path bars = errorBars.get(s);
            bars.getElements().clear();
            for (TrendPlot.Point p : plot.series().get(s).points()) {
                if (Double.isFinite(p.errLow()) && p.x() >= plot.xFrom() && p.x() <= plot.xTo()) {
                    double x = timeAxis.getDisplayPosition(p.x());
                    bars.getElements().add(new MoveTo(x, valueAxis.getDisplayPosition(p.errLow())));
                    bars.getElements().add(new LineTo(x, valueAxis.getDisplayPosition(p.errHigh())));
                }
            }
        }
    }

    /** The x value (epoch milliseconds) at a horizontal position in scene coordinates. */
    public double timeAtScene(double sceneX, double sceneY) {
        return timeAxis.getValueForDisplay(timeAxis.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    }

    /** Shows the rectangle of a drag to zoom over the time range between two times (epoch milliseconds). */
    public void showSelection(double fromTime, double toTime) {
        double left = timeAxis.getDisplayPosition(Math.min(fromTime, toTime));
        double right = timeAxis.getDisplayPosition(Math.max(fromTime, toTime));
        selection.setX(left);
        selection.setY(0);
        selection.setWidth(Math.max(0, right - left));
        selection.setHeight(valueAxis.getHeight());
        selection.setVisible(true);
        selection.toFront();
    }

    /** Hides the rectangle of a drag to zoom. */
    public void hideSelection() {
        selection.setVisible(false);
    }

    /** Whether a drag to zoom shows its rectangle. */
    public boolean selectionShown() {
        return selection.isVisible();
    }

    /** Width of the plot area in pixels. */
    public double plotWidth() {
        return timeAxis.getWidth();
    }

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] TIME_UNITS = {MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 61 * DAY, 91 * DAY,
        182 * DAY, 365 * DAY};

    /** The smallest round time step (minutes, hours, days, weeks, months) of at least {@code rough} milliseconds. */
    static double timeUnit(double rough) {
        for (long unit : TIME_UNITS) {
            if (unit >= rough) {
                return unit;
            }
        }
        return niceUnit(rough / DAY) * DAY;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceUnit(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / magnitude;
        double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * Tick labels for epoch milliseconds: dates when ticks are a day or more apart, else month, day
     * and time. Labels read back to the instant they show; a label without a year takes the year of
     * {@code referenceMillis} (the axis start).
     */
    static StringConverter<Number> dates(double unitMillis, long referenceMillis) {
        boolean days = unitMillis >= DAY;
        String pattern = days ? "uuuu-MM-dd" : "MM-dd HH:mm";
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern(pattern);
        if (days) {
            builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
        } else {
            builder.parseDefaulting(ChronoField.YEAR,
                    Instant.ofEpochMilli(referenceMillis).atZone(ZoneOffset.UTC).getYear());
        }
        DateTimeFormatter parse = builder.toFormatter(Locale.ROOT);
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(Instant.ofEpochMilli(value.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return parse.parse(text.strip(), LocalDateTime::from).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        };
    }
}
