package dev.perfgate.analyzer.distribution;

import dev.perfgate.core.report.Text;
import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The Distributions tab: a strip plot with one column per fork number, the base's iterations left
 * of it and the current side's right, each fork's iterations spread in order (a drifting fork
 * shows as a slope), fork means as large marks and outlier forks ringed in red.
 */
public final class DistributionView extends BorderPane {

    private static final double SIDE_OFFSET = 0.2;
    private static final double ITERATION_SPREAD = 0.03;

    private final ScatterChart<Number, Number> chart;
    private final NumberAxis forkAxis = new NumberAxis();
    private final NumberAxis valueAxis = new NumberAxis();

    public DistributionView(DistributionViewModel model) {
        forkAxis.setLabel("fork (baseline left, current right; iterations in order)");
        forkAxis.setAutoRanging(false);
        forkAxis.setMinorTickVisible(false);
        forkAxis.setTickUnit(1);
        forkAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Math.abs(n.doubleValue() - Math.rint(n.doubleValue())) < 1e-9 ? String.valueOf(n.intValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.parseInt(s);
            }
        });
        valueAxis.setForceZeroInRange(false);
        chart = new ScatterChart<>(forkAxis, valueAxis);
        chart.setId("distributionChart");
        chart.setAnimated(false);
        Label message = new Label();
        message.setId("distributionMessage");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.getStyleClass().add("empty-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        chart.visibleProperty().bind(model.plotProperty().isNotNull());
        Label summary = new Label();
        summary.setId("distributionSummary");
        summary.setWrapText(true);
        VBox bottom = new VBox(summary);
        bottom.setPadding(new Insets(6));
        setCenter(new StackPane(chart, message));
        setBottom(bottom);
        model.plotProperty().addListener((obs, old, now) -> {
            show(now);
            summary.setText(now == null ? "" : String.join("\n", now.summary()));
        });
        show(model.plotProperty().get());
    }

    /** The chart, for exporting. */
    public ScatterChart<Number, Number> chart() {
        return chart;
    }

    private void show(DistributionPlot plot) {
        chart.getData().clear();
        if (plot == null) {
            return;
        }
        chart.setTitle(plot.title());
        valueAxis.setLabel(plot.unit());
        int maxFork = plot.forks().stream().mapToInt(DistributionPlot.Fork::index).max().orElse(1);
        forkAxis.setLowerBound(0.4);
        forkAxis.setUpperBound(maxFork + 0.6);
        XYChart.Series<Number, Number> baseIterations = series("baseline iterations");
        XYChart.Series<Number, Number> currentIterations = series("current iterations");
        XYChart.Series<Number, Number> baseMeans = series("baseline fork means");
        XYChart.Series<Number, Number> currentMeans = series("current fork means");
        XYChart.Series<Number, Number> outliers = series("outlier forks");
        for (DistributionPlot.Fork fork : plot.forks()) {
            boolean base = fork.side() == DistributionPlot.Side.BASE;
            double center = fork.index() + (base ? -SIDE_OFFSET : SIDE_OFFSET);
            List<Double> values = fork.iterations();
            for (int i = 0; i < values.size(); i++) {
                double x = center + (i - (values.size() - 1) / 2.0) * ITERATION_SPREAD;
                (base ? baseIterations : currentIterations).getData().add(new XYChart.Data<>(x, values.get(i),
                        fork.side().label() + " fork " + fork.index() + ", iteration " + (i + 1) + ": "
                                + Text.score(values.get(i)) + " " + plot.unit()));
            }
            if (Double.isFinite(fork.mean())) {
                String tip = fork.side().label() + " fork " + fork.index() + " mean: " + Text.score(fork.mean()) + " "
                        + plot.unit() + (fork.outlier() ? " (outlier)" : "");
                (base ? baseMeans : currentMeans).getData().add(new XYChart.Data<>(center, fork.mean(), tip));
                if (fork.outlier()) {
                    outliers.getData().add(new XYChart.Data<>(center, fork.mean(), tip));
                }
            }
        }
        chart.getData().setAll(List.of(baseIterations, currentIterations, baseMeans, currentMeans, outliers));
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(String.valueOf(d.getExtraValue())));
                }
            }
        }
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }
}
