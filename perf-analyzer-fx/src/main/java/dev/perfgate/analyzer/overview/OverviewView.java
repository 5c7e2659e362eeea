package dev.perfgate.analyzer.overview;

import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.stats.Verdict;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.Polyline;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Overview tab: one row per benchmark (verdict, change, a small trend line, last change point,
 * host class), regressions first; a click opens the benchmark's full trend.
 */
public final class OverviewView extends BorderPane {

    private static final double SPARK_WIDTH = 140;
    private static final double SPARK_HEIGHT = 22;
    /** Style classes of verdicts that need a look (analyzer.css). */
    private static final String REGRESSION = "verdict-regression";
    private static final String INCONCLUSIVE = "verdict-inconclusive";

    private final TableView<OverviewViewModel.Line> table = new TableView<>();

    /** @param open what a click on a benchmark does: show its trend */
    public OverviewView(OverviewViewModel model, Consumer<BenchmarkId> open) {
        setId("overview");
        Label summary = new Label();
        summary.setId("overviewSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setPadding(new Insets(6, 8, 6, 8));
        setTop(summary);
        table.setId("overviewTable");
        // Rows of one height: the table lays out without measuring every cell.
        table.setFixedCellSize(SPARK_HEIGHT + 8);
        table.setItems(model.lines());
        table.setPlaceholder(new Label("Open a project (Ctrl+O) to see its benchmarks here."));
        TableColumn<OverviewViewModel.Line, OverviewViewModel.Line> verdict = column("Verdict", l -> l, 130);
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(OverviewViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                Verdict v = empty || line == null ? null : line.verdict();
                setText(v == null ? (empty ? null : "-") : v.label().toUpperCase(java.util.Locale.ROOT));
                getStyleClass().removeAll(REGRESSION, INCONCLUSIVE);
                if (v == Verdict.REGRESSION || v == Verdict.INCONCLUSIVE) {
                    getStyleClass().add(v == Verdict.REGRESSION ? REGRESSION : INCONCLUSIVE);
                }
            }
        });
        TableColumn<OverviewViewModel.Line, OverviewViewModel.Line> trend = column("Trend", l -> l, SPARK_WIDTH + 16);
        trend.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(OverviewViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                setGraphic(empty || line == null ? null : sparkline(line.recent()));
            }
        });
        table.getColumns().add(verdict);
        table.getColumns().add(column("Benchmark", OverviewViewModel.Line::label, 400));
        table.getColumns().add(column("Change [95% interval]", OverviewViewModel.Line::change, 190));
        table.getColumns().add(trend);
        table.getColumns().add(column("Last change point", OverviewViewModel.Line::lastChange, 260));
        table.getColumns().add(column("Host class", OverviewViewModel.Line::hosts, 240));
        table.setRowFactory(t -> {
            TableRow<OverviewViewModel.Line> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                // A preview's project is not open yet: its trends come with the whole history.
                if (!row.isEmpty() && !model.previewingProperty().get()) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        setCenter(table);
    }

    private static <T> TableColumn<OverviewViewModel.Line, T> column(String title,
                                                                     Function<OverviewViewModel.Line, T> value,
                                                                     double width) {
        TableColumn<OverviewViewModel.Line, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /**
     * The scores as a line scaled to the cell, over at least +-5% of their middle, so that a flat
     * trend with a little noise looks flat and a step stands out; nothing for fewer than two.
     */
    static Polyline sparkline(double[] scores) {
        Polyline line = new Polyline();
        if (scores.length < 2) {
            return line;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double middle = (max + min) / 2;
        double half = Math.max((max - min) / 2, 0.05 * Math.abs(middle));
        double low = middle - (half > 0 ? half : 1);
        double span = 2 * (half > 0 ? half : 1);
        for (int i = 0; i < scores.length; i++) {
            line.getPoints().addAll(SPARK_WIDTH * i / (scores.length - 1),
                    SPARK_HEIGHT - SPARK_HEIGHT * (scores[i] - low) / span);
        }
        line.getStyleClass().add("sparkline");
        return line;
    }

    /** The table, for tests. */
    public TableView<OverviewViewModel.Line> table() {
        return table;
    }
}
