package dev.perfgate.analyzer.trend;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    /** Points above this count are drawn without symbols (and so without tooltips). */
    static final int MAX_SYMBOLS = 2500;

    private final NumberAxis timeAxis;
    private final NumberAxis valueAxis;
    private final Rectangle band = new Rectangle();
    private final Line baselineLine = new Line();
    private final List<Line> markerLines = new ArrayList<>();
    private final List<Path> errorBars = new ArrayList<>();
    private TrendPlot plot;

    public TrendChart() {
        super(new NumberAxis(), new NumberAxis());
        timeAxis = (NumberAxis) getXAxis();
        valueAxis = (NumberAxis) getYAxis();
        setAnimated(false);
        timeAxis.setAutoRanging(false);
        valueAxis.setAutoRanging(false);
        timeAxis.setForceZeroInRange(false);
        valueAxis.setForceZeroInRange(false);
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
    }

    /** The plot shown, or null. */
    public TrendPlot plot() {
        return plot;
    }

    /** Shows a plot; null clears the chart. */
    public void show(TrendPlot newPlot) {
        this.plot = newPlot;
        getPlotChildren().removeAll(markerLines);
        getPlotChildren().removeAll(errorBars);
        markerLines.clear();
        errorBars.clear();
        if (newPlot == null) {
            getData().clear();
            return;
        }
        setTitle(newPlot.title());
        timeAxis.setLowerBound(newPlot.xFrom());
        timeAxis.setUpperBound(newPlot.xTo());
        timeAxis.setTickUnit(niceUnit((newPlot.xTo() - newPlot.xFrom()) / 7));
        timeAxis.setTickLabelFormatter(dates(newPlot.xTo() - newPlot.xFrom()));
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
        if (symbols) {
            for (Series<Number, Number> series : getData()) {
                for (Data<Number, Number> d : series.getData()) {
                    Node node = d.getNode();
                    if (node != null && d.getExtraValue() instanceof TrendPlot.Point p) {
                        Tooltip tip = new Tooltip(p.tooltip());
                        tip.setShowDelay(Duration.millis(150));
                        Tooltip.install(node, tip);
                    }
                }
            }
        }
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
        band.toBack();
        requestChartLayout();
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

    /** Width of the plot area in pixels. */
    public double plotWidth() {
        return timeAxis.getWidth();
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

    private static StringConverter<Number> dates(double rangeMillis) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(rangeMillis > 4 * 86_400_000L ? "yyyy-MM-dd"
                : "MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(Instant.ofEpochMilli(value.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("dates are not parsed");
            }
        };
    }
}
