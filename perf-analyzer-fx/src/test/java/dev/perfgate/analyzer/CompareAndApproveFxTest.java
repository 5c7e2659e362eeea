package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineCodec;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.stats.Verdict;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.perfgate.core.fixtures.ProjectFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

/** The compare and approve flows in the real window, with the real reason and diff dialogs. */
@ExtendWith(ApplicationExtension.class)
class CompareAndApproveFxTest {

    private static final int RUNS = 6;

    @TempDir
    Path dir;

    private RecordingFxDialogs dialogs;
    private TestServices services;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        dialogs = new RecordingFxDialogs(() -> stage);
        services = new TestServices(dialogs, new FxBackgroundRunner());
        model = new MainViewModel(services.services);
        stage.setScene(new Scene(Analyzer.build(model), 1300, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<ComparisonLine> openAndCompare(FxRobot robot) throws Exception {
        ProjectFixtures.project(dir, RUNS, RUNS - 1);
        robot.interact(() -> model.open(dir));
        waitIdle();
        robot.clickOn("Compare");
        waitIdle();
        @SuppressWarnings("unchecked")
        TableView<ComparisonLine> table = robot.lookup("#compareTable").queryAs(TableView.class);
        return table;
    }

    private Node regressionRow(FxRobot robot) {
        return robot.lookup(".table-row-cell.verdict-regression").query();
    }

    @Test
    void theCompareTabShowsTheRegressionAsARedRow(FxRobot robot) throws Exception {
        TableView<ComparisonLine> table = openAndCompare(robot);

        assertThat(table.getItems()).filteredOn(l -> l.verdict() == Verdict.REGRESSION).singleElement()
                .satisfies(l -> assertThat(l.id()).isEqualTo(ProjectFixtures.REGRESSING));
        TableRow<?> row = (TableRow<?>) regressionRow(robot);
        assertThat(((ComparisonLine) row.getItem()).label()).isEqualTo("ParamsBenchmark.sum[size=100,variant=a]");
        robot.clickOn("#regressionsOnly");
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#compareSummary").queryLabeled().getText()).startsWith("perf-gate: REGRESSION");
    }

    @Test
    void approvingOneBenchmarkWithCtrlShiftAWritesOnlyThatBenchmark(FxRobot robot) throws Exception {
        openAndCompare(robot);
        Baseline old = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        String before = Files.readString(new BaselineStore(dir).path(PLATFORM));

        robot.clickOn(regressionRow(robot));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#textDialogField").write("boxed sums, slower by design");
        robot.clickOn("OK");
        waitIdle();
        ListView<?> diff = robot.lookup("#diffView").queryAs(ListView.class);
        assertThat(diff.getItems()).first().isEqualTo("--- a/baselines/linux-x86_64.json");
        assertThat(diff.getItems()).anyMatch(l -> l.toString().startsWith("+      \"score\""));
        robot.clickOn("#confirmApprove");
        waitIdle();

        Baseline now = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        List<BaselineEntry> restored = now.entries().stream().map(e -> e.id().equals(ProjectFixtures.REGRESSING)
                ? old.find(e.id()).orElseThrow() : e).toList();
        assertThat(new BaselineCodec().write(BaselineFile.of(new Baseline(now.platform(), now.host(), old.fingerprint(),
                old.timestamp(), restored)))).isEqualTo(before);
        assertThat(now.find(ProjectFixtures.REGRESSING).orElseThrow().approval().reason())
                .isEqualTo("boxed sums, slower by design");
        assertThat(dialogs.informations).last().satisfies(i -> assertThat(i).contains("git diff"));
    }

    @Test
    void cancellingTheApproveDialogLeavesTheBaselineByteIdentical(FxRobot robot) throws Exception {
        openAndCompare(robot);
        Path file = new BaselineStore(dir).path(PLATFORM);
        byte[] before = Files.readAllBytes(file);
        byte[] history = Files.readAllBytes(dir.resolve("history").resolve(PLATFORM + ".jsonl"));

        robot.clickOn(regressionRow(robot));
        robot.clickOn("#approveButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#textDialogField").write("not really");
        robot.clickOn("OK");
        waitIdle();
        robot.clickOn("#cancelApprove");
        waitIdle();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.readAllBytes(dir.resolve("history").resolve(PLATFORM + ".jsonl"))).isEqualTo(history);
        assertThat(robot.lookup("#status").queryLabeled().getText()).contains("nothing written");
    }
}
