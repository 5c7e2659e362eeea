package dev.perfgate.analyzer;

import dev.perfgate.analyzer.compare.CompareView;
import dev.perfgate.analyzer.distribution.DistributionView;
import dev.perfgate.analyzer.export.PngExporter;
import dev.perfgate.analyzer.jfr.JfrView;
import dev.perfgate.analyzer.overview.OverviewView;
import dev.perfgate.analyzer.trend.TrendView;
import dev.perfgate.core.model.PlatformKey;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main window's content: menus (with the keyboard shortcuts), the platform switcher, the tabs
 * and a status line with a progress indicator. Files and directories dropped on the window open.
 */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final TabPane tabs = new TabPane();
    private final TrendView trendView;
    private final Tab trendsTab;
    private final Tab overviewTab;
    private final CompareView compareView;
    private final Tab compareTab;
    private final Tab distributionsTab;
    private final Tab jfrTab;
    private final Map<Tab, Supplier<Node>> charts = new LinkedHashMap<>();
    private final Menu recentMenu = new Menu("Open _Recent");

    public MainView(MainViewModel model) {
        this.model = model;
        setId("mainView");
        trendView = new TrendView(model.trends());
        trendsTab = tab("Trends", "trendsTab", trendView);
        overviewTab = tab("Overview", "overviewTab", new OverviewView(model.overview(), id -> {
            trendView.select(java.util.List.of(id));
            select(trendsTab);
        }));
        tabs.getTabs().add(overviewTab);
        charts.put(trendsTab, trendView::chart);
        tabs.getTabs().add(trendsTab);
        compareView = new CompareView(model.compare(), this::approve);
        compareTab = tab("Compare", "compareTab", compareView);
        tabs.getTabs().add(compareTab);
        DistributionView distributionView = new DistributionView(model.distributions());
        distributionsTab = tab("Distributions", "distributionsTab", distributionView);
        tabs.getTabs().add(distributionsTab);
        charts.put(distributionsTab, distributionView::chart);
        JfrView jfrView = new JfrView(model.jfr());
        jfrTab = tab("JFR", "jfrTab", jfrView);
        tabs.getTabs().add(jfrTab);
        charts.put(jfrTab, jfrView::chart);
        model.onJfrOpened(() -> select(jfrTab));
        getStylesheets().add(MainView.class.getResource("analyzer.css").toExternalForm());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.compare().activeProperty().bind(compareTab.selectedProperty().or(distributionsTab.selectedProperty()));

        ComboBox<PlatformKey> platforms = new ComboBox<>(model.platforms());
        platforms.setId("platformBox");
        platforms.valueProperty().bindBidirectional(model.platformProperty());
        platforms.setPromptText("platform");
        platforms.disableProperty().bind(javafx.beans.binding.Bindings.size(model.platforms()).lessThan(2));
        Label platformLabel = new Label("Platform:");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("progress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        progress.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox statusBar = new HBox(8, progress, status, grow, platformLabel, platforms);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        statusBar.setStyle("-fx-border-color: #ccc transparent transparent transparent;");

        setTop(new VBox(menus()));
        setCenter(tabs);
        setBottom(statusBar);
        model.recent().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
    }

    private static Tab tab(String text, String id, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    /** Adds a tab, with a chart for Ctrl+E when {@code chart} is not null. */
    public void addTab(Tab tab, Supplier<Node> chart) {
        tabs.getTabs().add(tab);
        if (chart != null) {
            charts.put(tab, chart);
        }
    }

    /** Shows the tab with this id ({@code overviewTab}, {@code trendsTab}, {@code compareTab}, {@code distributionsTab}, {@code jfrTab}). */
    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(this::select);
    }

    /** Shows a tab. */
    public void select(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    /** Approves the benchmarks selected in the comparison (shows the Compare tab first). */
    public void approve() {
        select(compareTab);
        model.approval().approveSelected();
    }

    public CompareView compareView() {
        return compareView;
    }

    public TrendView trendView() {
        return trendView;
    }

    private MenuBar menus() {
        MenuItem openProject = item("Open _Project...", "Shortcut+O", model::openProjectWithDialog);
        openProject.setId("openProjectMenu");
        MenuItem openFile = item("Open _File...", "Shortcut+Shift+O", model::openFileWithDialog);
        MenuItem reload = item("Re_load", "F5", model::reload);
        MenuItem openJfr = item("Open _JFR Recording...", "Shortcut+J", () -> {
            select(jfrTab);
            model.jfr().openWithDialog(false);
        });
        MenuItem openJfrCurrent = item("Open JFR Recording as C_urrent...", "Shortcut+Shift+J", () -> {
            select(jfrTab);
            model.jfr().openWithDialog(true);
        });
        MenuItem export = item("_Export Chart as PNG...", "Shortcut+E", this::exportChart);
        MenuItem quit = item("_Quit", "Shortcut+Q", () -> getScene().getWindow().hide());
        Menu file = new Menu("_File", null, openProject, openFile, openJfr, openJfrCurrent, recentMenu, reload, new SeparatorMenuItem(),
                export, new SeparatorMenuItem(), quit);
        MenuItem find = item("_Find Benchmark", "Shortcut+F", () -> {
            select(trendsTab);
            trendView.focusFilter();
        });
        MenuItem zoomIn = item("Zoom _In", "Shortcut+'+'", model.trends()::zoomIn);
        MenuItem zoomOut = item("Zoom _Out", "Shortcut+'-'", model.trends()::zoomOut);
        MenuItem reset = item("_Reset Zoom", "Shortcut+0", model.trends()::resetZoom);
        Menu view = new Menu("_View", null, find, zoomIn, zoomOut, reset);
        MenuItem approve = item("_Approve Selected...", "Shortcut+Shift+A", this::approve);
        approve.setId("approveMenu");
        MenuItem compareLatest = item("_Compare Latest with Baseline", null, () -> {
            model.compare().compareLatestWithBaseline();
            select(compareTab);
        });
        Menu baseline = new Menu("_Baseline", null, compareLatest, approve);
        MenuBar bar = new MenuBar(file, view, baseline);
        bar.setId("menuBar");
        return bar;
    }

    /** Adds a menu after the others. */
    public void addMenu(Menu menu) {
        ((MenuBar) ((VBox) getTop()).getChildren().get(0)).getMenus().add(menu);
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recent()) {
            recentMenu.getItems().add(item(p.toString(), null, () -> model.open(p)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Exports the chart of the selected tab (Ctrl+E). */
    public void exportChart() {
        Tab current = tabs.getSelectionModel().getSelectedItem();
        Supplier<Node> chart = charts.get(current);
        if (chart == null || chart.get() == null) {
            model.nothingToExport(current.getText());
            return;
        }
        Node node = chart.get();
        String name = current.getText().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".png";
        model.exportChart(name, file -> PngExporter.write(node, file));
    }

    /** Opens files and directories dropped on the scene. */
    public void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                // One load for all the files dropped together, so that each of them shows.
                model.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                done = !e.getDragboard().getFiles().isEmpty();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
