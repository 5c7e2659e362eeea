package dev.perfgate.analyzer.jfr;

import dev.perfgate.core.jfr.AllocatingClass;
import dev.perfgate.core.jfr.CpuLoadSample;
import dev.perfgate.core.jfr.HotMethod;
import dev.perfgate.core.jfr.JfrSummary;
import dev.perfgate.core.jfr.MethodDelta;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The JFR tab: the recordings' figures, CPU load over time, the top allocating classes, the hot
 * methods (self and total share of execution samples) and, with a second recording, the methods
 * that got hotter.
 */
public final class JfrView extends BorderPane {

    private final LineChart<Number, Number> cpu;

    public JfrView(JfrViewModel model) {
        Button open = new Button("Open recording...");
        open.setId("openJfr");
        open.setOnAction(e -> model.openWithDialog(false));
        Button openCurrent = new Button("Open as current...");
        openCurrent.setId("openJfrCurrent");
        openCurrent.setOnAction(e -> model.openWithDialog(true));
        openCurrent.disableProperty().bind(model.baseProperty().isNull());
        Label summary = new Label();
        summary.setId("jfrSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox buttons = new HBox(8, open, openCurrent);
        VBox top = new VBox(6, buttons, summary);
        top.setPadding(new Insets(6));

        NumberAxis time = new NumberAxis();
        time.setLabel("seconds since start");
        time.setForceZeroInRange(true);
        NumberAxis load = new NumberAxis(0, 100, 20);
        load.setLabel("CPU load %");
        cpu = new LineChart<>(time, load);
        cpu.setId("cpuChart");
        cpu.setTitle("CPU load");
        cpu.setAnimated(false);
        cpu.setCreateSymbols(false);
        cpu.setMinHeight(220);

        TableView<AllocatingClass> allocations = table("allocationTable", model.allocations(),
                "No allocation recorded (enable jdk.ObjectAllocationSample, as JFR's profile settings do)");
        allocations.getColumns().add(column("Class", 330, AllocatingClass::className));
        allocations.getColumns().add(column("Allocated", 90, c -> Units.bytes(c.bytes())));
        allocations.getColumns().add(column("Share", 70, c -> Units.share(c.share())));

        TableView<HotMethod> hot = table("hotMethodsTable", model.hotMethods(),
                "No execution samples (enable jdk.ExecutionSample, as JFR's profile settings do)");
        hot.getColumns().add(column("Hot method", 380, HotMethod::method));
        hot.getColumns().add(column("Self", 70, m -> Units.share(m.selfShare())));
        hot.getColumns().add(column("Total", 70, m -> Units.share(m.totalShare())));
        hot.getColumns().add(column("Self samples", 90, m -> String.valueOf(m.selfSamples())));

        TableView<MethodDelta> hotter = table("hotterTable", model.hotter(),
                "Open a second recording as current to see which methods got hotter");
        hotter.getColumns().add(column("Got hotter", 380, MethodDelta::method));
        hotter.getColumns().add(column("Base self", 80, d -> Units.share(d.baseSelfShare())));
        hotter.getColumns().add(column("Current self", 90, d -> Units.share(d.currentSelfShare())));
        hotter.getColumns().add(column("Change", 80, d -> Units.points(d.delta())));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(6));
        grid.add(titled("CPU load over time (JVM and whole machine)", cpu), 0, 0);
        grid.add(titled("Allocation by class", allocations), 1, 0);
        grid.add(titled("Hot methods (share of execution samples)", hot), 0, 1);
        grid.add(titled("Methods that got hotter (current vs base, self share)", hotter), 1, 1);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        Label message = new Label();
        message.setId("jfrMessage");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.getStyleClass().add("empty-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        grid.visibleProperty().bind(model.messageProperty().isEmpty());
        setTop(top);
        setCenter(new StackPane(grid, message));
        model.baseProperty().addListener((obs, old, now) -> showCpu(model.shown()));
        model.currentProperty().addListener((obs, old, now) -> showCpu(model.shown()));
    }

    /** The CPU chart, for exporting. */
    public LineChart<Number, Number> chart() {
        return cpu;
    }

    private void showCpu(JfrSummary s) {
        cpu.getData().clear();
        if (s == null || s.cpuLoad().isEmpty()) {
            cpu.setTitle(s == null ? "CPU load" : "CPU load (not recorded: enable jdk.CPULoad)");
            return;
        }
        cpu.setTitle("CPU load - " + java.nio.file.Path.of(s.source()).getFileName());
        long start = s.cpuLoad().get(0).time().toEpochMilli();
        XYChart.Series<Number, Number> jvm = new XYChart.Series<>();
        jvm.setName("JVM (user + system)");
        XYChart.Series<Number, Number> machine = new XYChart.Series<>();
        machine.setName("machine total");
        for (CpuLoadSample sample : s.cpuLoad()) {
            double t = (sample.time().toEpochMilli() - start) / 1000.0;
            if (Double.isFinite(sample.jvmTotal())) {
                jvm.getData().add(new XYChart.Data<>(t, sample.jvmTotal() * 100));
            }
            if (Double.isFinite(sample.machineTotal())) {
                machine.getData().add(new XYChart.Data<>(t, sample.machineTotal() * 100));
            }
        }
        cpu.getData().setAll(java.util.List.of(jvm, machine));
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(4, label, content);
    }

    private static <T> TableView<T> table(String id, javafx.collections.ObservableList<T> items, String empty) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
