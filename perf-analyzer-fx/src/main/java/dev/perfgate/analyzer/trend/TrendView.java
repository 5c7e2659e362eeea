package dev.perfgate.analyzer.trend;

import dev.perfgate.core.model.BenchmarkId;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Trends tab: a searchable benchmark tree (grouped by class) beside the trend chart. Selecting
 * one benchmark plots it; selecting several overlays them. Dragging draws a rectangle and zooms to
 * the time range it spans; the mouse wheel zooms around the pointer; dragging with Shift held (or
 * the secondary button) pans; Escape, a double click or "Reset" shows everything again.
 */
public final class TrendView extends SplitPane {

    private final TrendViewModel model;
    private final TextField filter = new TextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("benchmarks"));
    private final TrendChart chart = new TrendChart();
    private boolean syncing;
    private double dragX = Double.NaN;
    /** Where a drag to zoom started (epoch milliseconds), and its pixel position; NaN when none. */
    private double zoomFrom = Double.NaN;
    private double zoomFromX;
    private boolean panning;

    public TrendView(TrendViewModel model) {
        this.model = model;
        filter.setId("benchmarkFilter");
        filter.setPromptText("Filter benchmarks (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.filterProperty());
        tree.setId("benchmarkTree");
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(t -> new BenchmarkCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label hint = new Label("Ctrl+click selects several: overlaid relative to their baselines.");
        hint.setWrapText(true);
        hint.setStyle("-fx-text-fill: #555; -fx-font-size: 11px;");
        VBox left = new VBox(6, filter, tree, hint);
        left.setPadding(new Insets(6));
        left.setMinWidth(220);

        Button zoomIn = button("Zoom in", "zoomIn", model::zoomIn);
        Button zoomOut = button("Zoom out", "zoomOut", model::zoomOut);
        Button panLeft = button("\u2190", "panLeft", () -> model.pan(-0.25));
        Button panRight = button("\u2192", "panRight", () -> model.pan(0.25));
        Button reset = button("Reset", "resetZoom", model::resetZoom);
        Label summary = new Label();
        summary.setId("trendSummary");
        summary.textProperty().bind(model.summaryProperty());
        HBox tools = new HBox(6, zoomIn, zoomOut, panLeft, panRight, reset, summary);
        tools.setPadding(new Insets(6));
        tools.setStyle("-fx-alignment: center-left;");

        Label message = new Label();
        message.setId("trendMessage");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setStyle("-fx-font-size: 14px; -fx-text-fill: #444;");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        chart.visibleProperty().bind(model.plotProperty().isNotNull());
        StackPane center = new StackPane(chart, message);
        BorderPane right = new BorderPane(center);
        right.setTop(tools);
        getItems().addAll(left, right);
        setDividerPositions(0.28);
        setOrientation(Orientation.HORIZONTAL);

        model.plotProperty().addListener((obs, old, now) -> chart.show(now));
        chart.show(model.plotProperty().get());
        model.groups().addListener((ListChangeListener<BenchmarkGroup>) c -> rebuildTree());
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<Object>>) c -> {
            if (!syncing) {
                List<BenchmarkId> ids = selectedIds();
                if (!ids.equals(model.selected())) {
                    model.selected().setAll(ids);
                }
            }
        });
        chart.widthProperty().addListener((obs, old, now) ->
                model.maxPointsProperty().set(Math.max(100, (int) (now.doubleValue() * 0.6))));
        chart.setOnScroll(e -> {
            if (e.getDeltaY() != 0 && chart.plot() != null) {
                model.zoomAround(chart.timeAtScene(e.getSceneX(), e.getSceneY()), e.getDeltaY() > 0 ? 0.8 : 1.25);
                e.consume();
            }
        });
        chart.setOnMousePressed(e -> {
            chart.requestFocus();
            panning = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
            dragX = e.getX();
            zoomFrom = chart.plot() == null || panning ? Double.NaN : chart.timeAtScene(e.getSceneX(), e.getSceneY());
            zoomFromX = e.getX();
        });
        chart.setOnMouseDragged(e -> {
            if (panning && !Double.isNaN(dragX) && chart.plotWidth() > 0) {
                model.pan(-(e.getX() - dragX) / chart.plotWidth());
                dragX = e.getX();
            } else if (!Double.isNaN(zoomFrom) && Math.abs(e.getX() - zoomFromX) >= MIN_DRAG) {
                chart.showSelection(zoomFrom, chart.timeAtScene(e.getSceneX(), e.getSceneY()));
            }
        });
        chart.setOnMouseReleased(e -> {
            if (chart.selectionShown() && !Double.isNaN(zoomFrom)) {
                double to = chart.timeAtScene(e.getSceneX(), e.getSceneY());
                model.zoomTo(Math.min(zoomFrom, to), Math.max(zoomFrom, to));
            }
            chart.hideSelection();
            dragX = Double.NaN;
            zoomFrom = Double.NaN;
        });
        chart.setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                boolean dragging = chart.selectionShown();
                chart.hideSelection();
                zoomFrom = Double.NaN;
                if (!dragging) {
                    model.resetZoom();
                }
                e.consume();
            }
        });
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.resetZoom();
            }
        });
        rebuildTree();
    }

    /** Pixels a drag must cover before it draws a rectangle to zoom (a click is no zoom). */
    private static final double MIN_DRAG = 4;

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Puts the keyboard focus into the benchmark filter. */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Selects benchmarks in the tree (and so plots them), e.g. from another tab. */
    public void select(List<BenchmarkId> ids) {
        Set<BenchmarkId> wanted = Set.copyOf(ids);
        tree.getSelectionModel().clearSelection();
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            for (TreeItem<Object> leaf : group.getChildren()) {
                if (wanted.contains(leaf.getValue())) {
                    tree.getSelectionModel().select(leaf);
                }
            }
        }
    }

    /** The chart, for exporting. */
    public TrendChart chart() {
        return chart;
    }

    private List<BenchmarkId> selectedIds() {
        List<BenchmarkId> ids = new ArrayList<>();
        for (TreeItem<Object> item : tree.getSelectionModel().getSelectedItems()) {
            if (item != null && item.getValue() instanceof BenchmarkId id) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void rebuildTree() {
        syncing = true;
        try {
            Set<BenchmarkId> keep = Set.copyOf(model.selected());
            TreeItem<Object> root = tree.getRoot();
            root.getChildren().clear();
            List<TreeItem<Object>> toSelect = new ArrayList<>();
            for (BenchmarkGroup group : model.groups()) {
                TreeItem<Object> g = new TreeItem<>(group);
                g.setExpanded(true);
                for (BenchmarkId id : group.benchmarks()) {
                    TreeItem<Object> leaf = new TreeItem<>(id);
                    g.getChildren().add(leaf);
                    if (keep.contains(id)) {
                        toSelect.add(leaf);
                    }
                }
                root.getChildren().add(g);
            }
            tree.getSelectionModel().clearSelection();
            toSelect.forEach(item -> tree.getSelectionModel().select(item));
        } finally {
            syncing = false;
        }
    }

    /** Shows a class as {@code Name (n)} and a benchmark as {@code method[params] (mode)}. */
    private static final class BenchmarkCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else if (item instanceof BenchmarkGroup g) {
                setText(g.simpleName() + " (" + g.benchmarks().size() + ")");
                setTooltip(new Tooltip(g.className()));
            } else if (item instanceof BenchmarkId id) {
                setText(BenchmarkGroup.leafLabel(id));
                setTooltip(new Tooltip(id.displayWithMode()));
            } else {
                setText(String.valueOf(item));
            }
        }
    }
}
