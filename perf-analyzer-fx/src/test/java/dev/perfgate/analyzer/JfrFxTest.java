package dev.perfgate.analyzer;

import dev.perfgate.analyzer.jfr.Burners;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import dev.perfgate.core.jfr.HotMethod;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real JFR recording, made by this test while it burns CPU in a known method, opened in the window. */
@ExtendWith(ApplicationExtension.class)
class JfrFxTest {

    @TempDir
    Path dir;

    private TestServices services;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        services = new TestServices(new RecordingFxDialogs(() -> stage), new FxBackgroundRunner());
        model = new MainViewModel(services.services);
        stage.setScene(new Scene(Analyzer.build(model), 1200, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    @Test
    void openingARecordingShowsTheBurningMethodAmongTheHotMethods(FxRobot robot) throws Exception {
        Path recording = Burners.record(dir.resolve("burn.jfr"), Duration.ofMillis(1500), Burners::burnAlpha);

        robot.interact(() -> model.open(recording));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("JFR");
        @SuppressWarnings("unchecked")
        TableView<HotMethod> hot = robot.lookup("#hotMethodsTable").queryAs(TableView.class);
        assertThat(hot.getItems()).extracting(HotMethod::method).contains(Burners.ALPHA);
        assertThat(robot.lookup(Burners.ALPHA).tryQuery()).isPresent();
        LineChart<?, ?> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        assertThat(cpu.getData()).isNotEmpty();
    }
}
