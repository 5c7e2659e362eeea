package dev.perfgate.analyzer.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs: JavaFX choosers, alerts, and the approval diff dialog ({@link DiffView}). */
public class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    /** @param owner the window dialogs belong to */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFile(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        types.forEach(t -> chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(),
                t.patterns())));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, FileType type) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, "errorDialog");
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message, "infoDialog");
    }

    private void alert(Alert.AlertType type, String title, String message, String id) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setId(id + "Text");
        text.setWrapText(true);
        text.setMaxWidth(640);
        VBox box = new VBox(text);
        box.setPadding(new Insets(10));
        alert.getDialogPane().setContent(box);
        alert.getDialogPane().setId(id);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        dialog.getDialogPane().setId("textDialog");
        dialog.getEditor().setId("textDialogField");
        dialog.getEditor().setPrefColumnCount(50);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean confirmApproval(String title, String diff, List<String> warnings) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText("Review the change to the baseline file. Confirm writes it; Cancel writes nothing.");
        dialog.setResizable(true);
        VBox content = new VBox(8);
        if (!warnings.isEmpty()) {
            TextArea notes = new TextArea(String.join("\n", warnings));
            notes.setId("noiseWarnings");
            notes.setEditable(false);
            notes.setWrapText(true);
            notes.setPrefRowCount(Math.min(5, warnings.size() + 1));
            notes.setStyle("-fx-control-inner-background: #fff4d6;");
            content.getChildren().addAll(new Label("Noise warnings:"), notes);
        }
        DiffView diffView = new DiffView(diff);
        VBox.setVgrow(diffView, javafx.scene.layout.Priority.ALWAYS);
        content.getChildren().add(diffView);
        content.setPrefSize(900, 560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("approveDialog");
        ButtonType confirm = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, cancel);
        dialog.getDialogPane().lookupButton(confirm).setId("confirmApprove");
        dialog.getDialogPane().lookupButton(cancel).setId("cancelApprove");
        return dialog.showAndWait().filter(confirm::equals).isPresent();
    }
}
