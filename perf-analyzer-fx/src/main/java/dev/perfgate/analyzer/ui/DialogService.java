package dev.perfgate.analyzer.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the analyzer shows, behind an interface so that view models can be tested with a
 * fake and TestFX tests can skip native file choosers. {@link FxDialogService} is the real one.
 */
public interface DialogService {

    /** A kind of file a chooser offers, e.g. {@code new FileType("JMH results", List.of("*.json"))}. */
    record FileType(String description, List<String> patterns) {
        public FileType {
            patterns = List.copyOf(patterns);
        }
    }

    /** Asks for a directory; empty when cancelled. */
    Optional<Path> chooseDirectory(String title);

    /** Asks for an existing file; empty when cancelled. */
    Optional<Path> chooseFile(String title, List<FileType> types);

    /** Asks where to save a file; empty when cancelled. */
    Optional<Path> chooseSaveFile(String title, String initialName, FileType type);

    /** Shows an error; {@code message} is the one-line text of an {@link dev.perfgate.core.InputException}. */
    void showError(String title, String message);

    /** Shows a message. */
    void showInformation(String title, String message);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    /**
     * Shows the unified diff an approval would make and asks to confirm it.
     *
     * @param diff     the unified diff of {@code baselines/<platform>.json}
     * @param warnings noise warnings, one sentence each; may be empty
     * @return true to write the approval, false to cancel
     */
    boolean confirmApproval(String title, String diff, List<String> warnings);
}
