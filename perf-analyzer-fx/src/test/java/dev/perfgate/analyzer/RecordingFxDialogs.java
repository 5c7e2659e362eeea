package dev.perfgate.analyzer;

import dev.perfgate.analyzer.ui.FxDialogService;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The real dialogs for reasons and approval diffs, with the native file choosers and the
 * message boxes replaced: paths come from a queue, messages are recorded.
 */
public class RecordingFxDialogs extends FxDialogService {

    public final Deque<Path> paths = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> informations = new ArrayList<>();

    public RecordingFxDialogs(Supplier<Window> owner) {
        super(owner);
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> chooseFile(String title, List<FileType> types) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, FileType type) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(message);
    }
}
