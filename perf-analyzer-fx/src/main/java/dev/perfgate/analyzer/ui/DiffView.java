package dev.perfgate.analyzer.ui;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import java.util.List;

/**
 * A unified diff in a monospace list: added lines ({@code +}) green, removed lines ({@code -})
 * red, hunk headers ({@code @@}) and file headers grey.
 */
public final class DiffView extends ListView<String> {

    /** How a diff line is coloured. */
    public enum LineKind {
        ADDED, REMOVED, HUNK, FILE, CONTEXT;

        /** The kind of one line of a unified diff. */
        public static LineKind of(String line) {
            if (line.startsWith("+++") || line.startsWith("---")) {
                return FILE;
            }
            if (line.startsWith("@@")) {
                return HUNK;
            }
            if (line.startsWith("+")) {
                return ADDED;
            }
            if (line.startsWith("-")) {
                return REMOVED;
            }
            return CONTEXT;
        }
    }

    public DiffView(String diff) {
        setId("diffView");
        getItems().setAll(List.of(diff.split("\n", -1)));
        if (!getItems().isEmpty() && getItems().get(getItems().size() - 1).isEmpty()) {
            getItems().remove(getItems().size() - 1);
        }
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                setText(line);
                String base = "-fx-font-family: 'Monospaced'; -fx-font-size: 12px; -fx-padding: 0 4 0 4; ";
                setStyle(base + switch (LineKind.of(line)) {
                    case ADDED -> "-fx-background-color: #e6ffec; -fx-text-fill: #116329;";
                    case REMOVED -> "-fx-background-color: #ffebe9; -fx-text-fill: #82071e;";
                    case HUNK -> "-fx-background-color: #f0f0f0; -fx-text-fill: #6e7781;";
                    case FILE -> "-fx-text-fill: #6e7781; -fx-font-weight: bold;";
                    case CONTEXT -> "-fx-text-fill: #24292f;";
                });
            }
        });
    }
}
