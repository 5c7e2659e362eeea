package dev.perfgate.analyzer.compare;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The Compare tab: base and current pickers, the comparison table (one row per benchmark metric,
 * coloured by verdict, sortable, optionally regressions only) and the console report's summary
 * line. Selected rows are what "Approve" approves and what the Distributions tab shows.
 */
public final class CompareView extends BorderPane {

    private final TableView<ComparisonLine> table = new TableView<>();

    /**
     * @param model   the state
     * @param approve the approve action (Ctrl+Shift+A)
     */
    public CompareView(CompareViewModel model, Runnable approve) {
        ComboBox<RunChoice> base = choices(model.bases(), "baseBox");
        base.valueProperty().bindBidirectional(model.baseProperty());
        ComboBox<RunChoice> current = choices(model.candidates(), "candidateBox");
        current.valueProperty().bindBidirectional(model.candidateProperty());
        CheckBox regressionsOnly = new CheckBox("Regressions only");
        regressionsOnly.setId("regressionsOnly");
        regressionsOnly.selectedProperty().bindBidirectional(model.regressionsOnlyProperty());
        Button approveButton = new Button("Approve selected... (Ctrl+Shift+A)");
        approveButton.setId("approveButton");
        approveButton.setOnAction(e -> approve.run());
        approveButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.selection()));
        HBox pickers = new HBox(8, new Label("Base:"), base, new Label("Current:"), current, regressionsOnly,
                approveButton);
        pickers.setAlignment(Pos.CENTER_LEFT);
        pickers.setPadding(new Insets(6));

        table.setId("compareTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.lines());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ComparisonLine, ComparisonLine> name = text("Benchmark", ComparisonLine::label, 330);
        name.setComparator(Comparator.comparing(ComparisonLine::label));
        table.getColumns().add(name);
        table.getColumns().add(text("Metric", ComparisonLine::metric, 120));
        table.getColumns().add(text("Unit", ComparisonLine::unit, 55));
        table.getColumns().add(number("Baseline", ComparisonLine::baselineText, l -> l.row().baseline()));
        table.getColumns().add(number("Current", ComparisonLine::currentText, l -> l.row().current()));
        table.getColumns().add(number("Change", ComparisonLine::changeText, l -> l.row().decision().change()));
        TableColumn<ComparisonLine, ComparisonLine> interval = number("95% CI", ComparisonLine::intervalText,
                l -> l.row().decision().ciLow());
        interval.setPrefWidth(150);
        interval.setMinWidth(130);
        table.getColumns().add(interval);
        table.getColumns().add(number("p", ComparisonLine::pText, l -> l.row().decision().pValue()));
        TableColumn<ComparisonLine, ComparisonLine> verdict = text("Verdict", ComparisonLine::verdictText, 110);
        verdict.setComparator(Comparator.comparing(ComparisonLine::verdict));
        table.getColumns().add(verdict);
        table.setRowFactory(t -> new VerdictRow());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ComparisonLine>) c ->
                model.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).toList()));

        Label message = new Label();
        message.setId("compareMessage");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setStyle("-fx-font-size: 14px; -fx-text-fill: #444;");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        table.visibleProperty().bind(model.messageProperty().isEmpty());
        StackPane center = new StackPane(table, message);

        Label summary = new Label();
        summary.setId("compareSummary");
        summary.setStyle("-fx-font-family: 'Monospaced'; -fx-font-weight: bold;");
        summary.textProperty().bind(model.summaryProperty());
        Label notes = new Label();
        notes.setId("compareNotes");
        notes.setWrapText(true);
        notes.textProperty().bind(model.notesProperty());
        Label rowNote = new Label();
        rowNote.setWrapText(true);
        rowNote.setStyle("-fx-text-fill: #555;");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                rowNote.setText(now == null || now.note().isEmpty() ? "" : now.consoleLabel() + ": " + now.note()));
        VBox bottom = new VBox(4, summary, notes, rowNote);
        bottom.setPadding(new Insets(6));
        setTop(pickers);
        setCenter(center);
        setBottom(bottom);
    }

    /** The table. */
    public TableView<ComparisonLine> table() {
        return table;
    }

    private static ComboBox<RunChoice> choices(javafx.collections.ObservableList<RunChoice> items, String id) {
        ComboBox<RunChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(360);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public RunChoice fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private static TableColumn<ComparisonLine, ComparisonLine> text(String title,
                                                                   Function<ComparisonLine, String> text, double width) {
        TableColumn<ComparisonLine, ComparisonLine> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : text.apply(line));
                setTooltip(empty || line == null || line.note().isEmpty() ? null : new Tooltip(line.note()));
            }
        });
        return column;
    }

    private static TableColumn<ComparisonLine, ComparisonLine> number(String title,
                                                                     Function<ComparisonLine, String> text,
                                                                     ToDoubleFunction<ComparisonLine> value) {
        TableColumn<ComparisonLine, ComparisonLine> column = text(title, text, 90);
        column.setStyle("-fx-alignment: center-right;");
        column.setComparator(Comparator.comparingDouble(l -> {
            double v = value.applyAsDouble(l);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }));
        return column;
    }

    /** Colours a row by its verdict. */
    private static final class VerdictRow extends TableRow<ComparisonLine> {
        @Override
        protected void updateItem(ComparisonLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(s -> s.startsWith("verdict-"));
            if (!empty && line != null) {
                getStyleClass().add("verdict-" + line.verdict().label());
            }
        }
    }
}
