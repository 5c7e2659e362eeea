package dev.perfgate.analyzer.jfr;

import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.analyzer.ui.DialogService;
import dev.perfgate.core.InputException;
import dev.perfgate.core.jfr.AllocatingClass;
import dev.perfgate.core.jfr.HotMethod;
import dev.perfgate.core.jfr.JfrDiff;
import dev.perfgate.core.jfr.JfrReader;
import dev.perfgate.core.jfr.JfrSummary;
import dev.perfgate.core.jfr.MethodDelta;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JFR tab's state: a recording summarised by perf-core's {@link JfrReader} (GC pauses,
 * allocation rate and top allocating classes, CPU load, hot methods), and optionally a second
 * recording as "current" with the methods that got hotter ({@link JfrDiff#hotter}). The tables
 * show the current recording when there is one, else the first.
 */
public final class JfrViewModel {

    /** How many methods the "hotter" table lists. */
    public static final int HOTTER = 15;

    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final JfrReader reader = new JfrReader(JfrReader.DEFAULT_TOP);
    private final ReadOnlyObjectWrapper<JfrSummary> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final ReadOnlyObjectWrapper<JfrSummary> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<AllocatingClass> allocations = FXCollections.observableArrayList();
    private final ObservableList<HotMethod> hotMethods = FXCollections.observableArrayList();
    private final ObservableList<MethodDelta> hotter = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public JfrViewModel(BackgroundRunner runner, DialogService dialogs) {
        this.runner = runner;
        this.dialogs = dialogs;
        update();
    }

    /** The first recording opened. */
    public ReadOnlyObjectProperty<JfrSummary> baseProperty() {
        return base.getReadOnlyProperty();
    }

    /** The second recording, compared with the first. */
    public ReadOnlyObjectProperty<JfrSummary> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The shown recording: the current one if opened, else the first; null when none. */
    public JfrSummary shown() {
        return current.get() != null ? current.get() : base.get();
    }

    /** Top allocating classes of the shown recording. */
    public ObservableList<AllocatingClass> allocations() {
        return allocations;
    }

    /** Hot methods (self and total shares) of the shown recording. */
    public ObservableList<HotMethod> hotMethods() {
        return hotMethods;
    }

    /** Methods whose self share grew from the first recording to the current one. */
    public ObservableList<MethodDelta> hotter() {
        return hotter;
    }

    /** GC, allocation and sampling figures of the recordings, one line each. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What to do when nothing is open; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Opens a recording: the first one, or, when one is open, as "current" to compare with it. */
    public void open(Path file) {
        if (base.get() == null) {
            openBase(file);
        } else {
            openCurrent(file);
        }
    }

    /** Opens a recording as the first (base) recording, dropping any current one. */
    public void openBase(Path file) {
        read(file, summary -> {
            base.set(summary);
            current.set(null);
            update();
        });
    }

    /** Opens a recording as "current", compared with the first. */
    public void openCurrent(Path file) {
        read(file, summary -> {
            if (base.get() == null) {
                base.set(summary);
            } else {
                current.set(summary);
            }
            update();
        });
    }

    /** Asks for a recording and opens it with {@link #open}. */
    public void openWithDialog(boolean asCurrent) {
        Optional<Path> file = dialogs.chooseFile(asCurrent ? "Open JFR recording as current" : "Open JFR recording",
                List.of(new DialogService.FileType("JFR recordings (*.jfr)", List.of("*.jfr"))));
        file.ifPresent(asCurrent ? this::openCurrent : this::openBase);
    }

    private void read(Path file, java.util.function.Consumer<JfrSummary> then) {
        runner.run("Reading " + file, () -> reader.read(file), then, failure -> dialogs.showError(
                "Cannot open " + file.getFileName(), failure instanceof InputException ? failure.getMessage()
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private void update() {
        JfrSummary shown = shown();
        if (shown == null) {
            message.set("Open a JFR recording (File > Open JFR Recording, or drop a .jfr file here). Record one from "
                    + "JMH with -prof jfr, or -jvmArgsAppend -XX:StartFlightRecording=filename=run.jfr,settings=profile."
                    + " Open a second one as \"current\" to see which methods got hotter.");
            summary.set("");
            allocations.clear();
            hotMethods.clear();
            hotter.clear();
            return;
        }
        message.set("");
        allocations.setAll(shown.allocation().topClasses());
        hotMethods.setAll(shown.hotMethods());
        hotter.setAll(current.get() == null ? List.of() : JfrDiff.hotter(base.get(), current.get(), HOTTER));
        List<String> lines = new ArrayList<>();
        lines.add(describe(current.get() == null ? "Recording" : "Base", base.get()));
        if (current.get() != null) {
            lines.add(describe("Current", current.get()));
        }
        summary.set(String.join("\n", lines));
    }

    /** One line: file, duration, GC, allocation, samples. */
    static String describe(String what, JfrSummary s) {
        return what + ": " + Path.of(s.source()).getFileName() + " - " + Units.duration(s.duration())
                + "; GC: " + s.gc().collections() + (s.gc().collections() == 1 ? " collection" : " collections")
                + ", pauses " + Units.duration(s.gc().totalPause()) + " in total, longest "
                + Units.duration(s.gc().longestPause())
                + "; allocation: " + Units.bytes(s.allocation().totalBytes()) + " at "
                + Units.bytes(s.allocation().bytesPerSecond()) + "/s"
                + "; " + s.executionSamples() + " execution samples";
    }
}
