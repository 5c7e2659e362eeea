package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.trend.TrendChart;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, driven headlessly through TestFX: opening a project and plotting a trend. */
@ExtendWith(ApplicationExtension.class)
class AnalyzerFxTest {

    @TempDir
    static Path dir;

    private final FakeDialogService dialogs = new FakeDialogService();
    private TestServices services;
    private MainViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        services = new TestServices(dialogs, new FxBackgroundRunner());
        model = new MainViewModel(services.services);
        view = Analyzer.build(model);
        Scene scene = new Scene(view, 1200, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows the Trends tab with the regressing benchmark plotted. */
    private void showTrendOfTheRegression(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.showTab("trendsTab");
            view.trendView().select(java.util.List.of(ProjectFixtures.REGRESSING));
        });
        waitIdle();
    }

    @Test
    void openingAProjectWithCtrlOShowsTheBenchmarksAndPlotsTheSelectedOne(FxRobot robot) throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p1"), 14, 8);
        dialogs.paths.add(project);

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitIdle();

        // It opens on the overview, the regression first; a click opens its trend.
        javafx.scene.control.TableView<dev.perfgate.analyzer.overview.OverviewViewModel.Line> overview =
                robot.lookup("#overviewTable").queryTableView();
        assertThat(overview.getItems()).hasSize(5);
        assertThat(overview.getItems().get(0).id()).isEqualTo(ProjectFixtures.REGRESSING);
        assertThat(overview.getItems().get(0).verdict()).isEqualTo(dev.perfgate.core.stats.Verdict.REGRESSION);
        assertThat(robot.lookup("#overviewSummary").queryLabeled().getText()).contains("1 regression");
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitIdle();
        assertThat(view.trendView().isVisible()).isTrue();
        assertThat(model.trends().selected()).containsExactly(ProjectFixtures.REGRESSING);

        TreeView<?> tree = robot.lookup("#benchmarkTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(2);
        assertThat(tree.getRoot().getChildren().get(1).getChildren()).hasSize(4);
        robot.clickOn("sum[size=100,variant=a] (avgt)");
        waitIdle();

        TrendChart chart = robot.lookup("#trendChart").queryAs(TrendChart.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getData()).singleElement().satisfies(s -> assertThat(s.getData()).hasSize(14));
        XYChart.Data<Number, Number> point = chart.getData().get(0).getData().get(3);
        assertThat(point.getNode()).isNotNull();
        assertThat(chart.drawnMarkers()).extracting(m -> m.kind().name()).contains("CHANGE_POINT", "APPROVAL");

        robot.moveTo(point.getNode());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.hovered()).isNotNull();
        assertThat(chart.pointTooltip().getText()).contains("run-00003", "commit c000000000", "2026-10-01 11:00 UTC");
    }

    @Test
    void ctrlFFocusesTheFilterAndTypingNarrowsTheList(FxRobot robot) throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p2"), 3, 99);
        robot.interact(() -> model.open(project));
        waitIdle();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("alloc");
        WaitForAsyncUtils.waitForFxEvents();

        TextField filter = robot.lookup("#benchmarkFilter").queryAs(TextField.class);
        assertThat(filter.isFocused()).isTrue();
        TreeView<?> tree = robot.lookup("#benchmarkTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).singleElement()
                .satisfies(g -> assertThat(((TreeItem<?>) g).getChildren()).hasSize(1));
    }

    @Test
    void aBadFileShowsAnErrorAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p3"), 3, 99);
        robot.interact(() -> model.open(project.resolve("nonexistent.json")));
        waitIdle();

        assertThat(dialogs.of("error")).singleElement()
                .satisfies(e -> assertThat(e.text()).endsWith("nonexistent.json: no such file or directory"));
        robot.interact(() -> model.open(project));
        waitIdle();
        assertThat(robot.lookup("#benchmarkTree").queryAs(TreeView.class).getRoot().getChildren()).hasSize(2);
    }

    @Test
    void ctrlEExportsTheTrendChartAsAPng(FxRobot robot) throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p4"), 6, 99);
        robot.interact(() -> model.open(project));
        waitIdle();
        showTrendOfTheRegression(robot);
        Path png = dir.resolve("trend.png");
        dialogs.paths.add(png);

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        TrendChart chart = robot.lookup("#trendChart").queryAs(TrendChart.class);
        // The snapshot covers the chart's visual bounds, a few pixels wider than its layout bounds.
        assertThat((double) image.getWidth()).isCloseTo(chart.getWidth(), org.assertj.core.api.Assertions.within(10.0));
        assertThat((double) image.getHeight()).isCloseTo(chart.getHeight(), org.assertj.core.api.Assertions.within(10.0));
    }

    @Test
    void draggingARectangleZoomsToItsTimeRangeAndEscapeShowsEverything(FxRobot robot) throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p5"), 14, 8);
        robot.interact(() -> model.open(project));
        waitIdle();
        showTrendOfTheRegression(robot);
        dev.perfgate.analyzer.trend.TrendPlot full = model.trends().plotProperty().get();
        TrendChart chart = robot.lookup("#trendChart").queryAs(TrendChart.class);
        javafx.geometry.Bounds axis = chart.getXAxis().localToScreen(chart.getXAxis().getBoundsInLocal());
        double y = axis.getMinY() - 60;

        robot.drag(axis.getMinX() + axis.getWidth() * 0.3, y, javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(axis.getMinX() + axis.getWidth() * 0.45, y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.selectionShown()).as("the rectangle shows while dragging").isTrue();
        robot.moveTo(axis.getMinX() + axis.getWidth() * 0.6, y).release(javafx.scene.input.MouseButton.PRIMARY);
        waitIdle();

        dev.perfgate.analyzer.trend.TrendPlot zoomed = model.trends().plotProperty().get();
        double width = full.xTo() - full.xFrom();
        assertThat(chart.selectionShown()).isFalse();
        assertThat(zoomed.xTo() - zoomed.xFrom()).isCloseTo(0.3 * width, org.assertj.core.api.Assertions.within(0.05 * width));
        assertThat(zoomed.xFrom()).isCloseTo(full.xFrom() + 0.3 * width, org.assertj.core.api.Assertions.within(0.05 * width));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitIdle();

        dev.perfgate.analyzer.trend.TrendPlot reset = model.trends().plotProperty().get();
        assertThat(reset.xTo() - reset.xFrom()).isCloseTo(width, org.assertj.core.api.Assertions.within(0.01 * width));
    }
}
