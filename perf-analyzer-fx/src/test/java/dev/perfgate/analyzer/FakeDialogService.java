package dev.perfgate.analyzer;

import dev.perfgate.analyzer.ui.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService}: answers queued by the test, every dialog shown recorded. */
public class FakeDialogService implements DialogService {

    /** A dialog that was shown: its kind, title and text. */
    public record Shown(String kind, String title, String text) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public final Deque<Path> paths = new ArrayDeque<>();
    public final Deque<String> texts = new ArrayDeque<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final List<String> diffs = new ArrayList<>();
    public final List<List<String>> warnings = new ArrayList<>();

    @Override
    public Optional<Path> chooseDirectory(String title) {
        shown.add(new Shown("directory", title, ""));
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> chooseFile(String title, List<FileType> types) {
        shown.add(new Shown("file", title, ""));
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, FileType type) {
        shown.add(new Shown("save", title, initialName));
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message));
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add(new Shown("information", title, message));
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        shown.add(new Shown("text", title, prompt));
        return Optional.ofNullable(texts.poll());
    }

    @Override
    public boolean confirmApproval(String title, String diff, List<String> noise) {
        shown.add(new Shown("approval", title, diff));
        diffs.add(diff);
        warnings.add(noise);
        Boolean answer = confirmations.poll();
        return answer != null && answer;
    }

    /** The dialogs of a kind. */
    public List<Shown> of(String kind) {
        return shown.stream().filter(s -> s.kind().equals(kind)).toList();
    }
}
