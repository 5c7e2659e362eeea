package dev.perfgate.analyzer;

import dev.perfgate.analyzer.approve.ApprovalViewModel;
import dev.perfgate.analyzer.compare.CompareViewModel;
import dev.perfgate.analyzer.distribution.DistributionViewModel;
import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.HistoryIndexCache;
import dev.perfgate.analyzer.jfr.JfrViewModel;
import dev.perfgate.analyzer.overview.OverviewViewModel;
import dev.perfgate.analyzer.project.ProjectLoader;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.analyzer.trend.TrendViewModel;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.analyzer.ui.DialogService;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.PlatformKey;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * The main window's state: what is open ({@link Workspace}), the platform shown, recent projects,
 * whether work is running, the status line, and the view models of the tabs. Opening runs in the
 * background; a bad file is reported through the {@link DialogService} with the
 * {@link InputException}'s message, and whatever was open stays open.
 */
public final class MainViewModel {

    private static final List<DialogService.FileType> OPENABLE = List.of(
            new DialogService.FileType("perfgate files (*.json, *.jsonl, *.jfr)", List.of("*.json", "*.jsonl", "*.jfr")),
            new DialogService.FileType("JMH results (*.json)", List.of("*.json")),
            new DialogService.FileType("History (*.jsonl)", List.of("*.jsonl")),
            new DialogService.FileType("JFR recordings (*.jfr)", List.of("*.jfr")));

    private final AnalyzerServices services;
    private final ProjectLoader loader;
    /** The number of the newest load asked for (on the UI thread). */
    private long loads;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace",
            Workspace.empty());
    private final ObservableList<PlatformKey> platforms = FXCollections.observableArrayList();
    private final ObservableList<PlatformKey> platformsView = FXCollections.unmodifiableObservableList(platforms);
    private final ObjectProperty<PlatformKey> platform = new SimpleObjectProperty<>(this, "platform");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "perf-analyzer");
    private final TrendViewModel trends;
    private final OverviewViewModel overview;
    private final CompareViewModel compare;
    private final ApprovalViewModel approval;
    private final DistributionViewModel distributions;
    private final JfrViewModel jfr;
    private Consumer<Path> jfrOpener;
    private boolean updatingPlatform;

    public MainViewModel(AnalyzerServices services) {
        this(services, ProjectLoader.Previews.of(OverviewViewModel.RECENT));
    }

    /** @param previews when a long history is previewed in the overview while the whole of it is read */
    MainViewModel(AnalyzerServices services, ProjectLoader.Previews previews) {
        this.services = services;
        this.loader = new ProjectLoader(new HistoryReader(services.cacheDir().map(HistoryIndexCache::new)
                .orElse(null)), detectedPlatform(services), previews);
        this.trends = new TrendViewModel(workspace.getReadOnlyProperty(), services.runner());
        this.overview = new OverviewViewModel(workspace.getReadOnlyProperty(), services.runner());
        this.compare = new CompareViewModel(workspace.getReadOnlyProperty(), services);
        this.approval = new ApprovalViewModel(workspace.getReadOnlyProperty(), compare, services, this::reload);
        this.distributions = new DistributionViewModel(compare);
        this.jfr = new JfrViewModel(services.runner(), services.dialogs());
        this.jfrOpener = jfr::open;
        approval.statusProperty().addListener((obs, old, now) -> status.set(now));
        recent.setAll(services.recent().list());
        platform.addListener((obs, old, now) -> {
            if (!updatingPlatform && now != null && !now.equals(old)) {
                switchPlatform(now);
            }
        });
    }

    private static Optional<PlatformKey> detectedPlatform(AnalyzerServices services) {
        try {
            return Optional.of(services.detector().platformKey());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What is open. */
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** The project's platforms, for the platform switcher. */
    public ObservableList<PlatformKey> platforms() {
        return platformsView;
    }

    /** The platform shown; setting another one reloads the project for it. */
    public ObjectProperty<PlatformKey> platformProperty() {
        return platform;
    }

    /** Recently opened projects and files, newest first. */
    public ObservableList<Path> recent() {
        return recentView;
    }

    /** True while something loads or computes. */
    public ReadOnlyBooleanProperty busyProperty() {
        return services.runner().busyProperty();
    }

    /** Progress of the running work: a fraction, or -1 when unknown. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return services.runner().progressProperty();
    }

    /** The status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The window title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The trend tab. */
    /** The overview a project opens on. */
    public OverviewViewModel overview() {
        return overview;
    }

    public TrendViewModel trends() {
        return trends;
    }

    /** The compare tab. */
    public CompareViewModel compare() {
        return compare;
    }

    /** The distributions tab. */
    public DistributionViewModel distributions() {
        return distributions;
    }

    /** The JFR tab. */
    public JfrViewModel jfr() {
        return jfr;
    }

    /** Approving selected benchmarks. */
    public ApprovalViewModel approval() {
        return approval;
    }

    /** The services the view models share. */
    public AnalyzerServices services() {
        return services;
    }

    /** Also runs when a JFR recording is opened (the view shows the JFR tab). */
    public void onJfrOpened(Runnable listener) {
        Consumer<Path> open = jfrOpener;
        this.jfrOpener = path -> {
            open.accept(path);
            listener.run();
        };
    }

    /** Writes a picture of a chart to a file (the view snapshots its node). */
    @FunctionalInterface
    public interface ImageWriter {
        void write(Path file) throws java.io.IOException;
    }

    /** Asks where to save a PNG of the current chart and writes it; errors go to a dialog. */
    public void exportChart(String suggestedName, ImageWriter writer) {
        services.dialogs().chooseSaveFile("Export chart as PNG", suggestedName,
                new DialogService.FileType("PNG images (*.png)", List.of("*.png"))).ifPresent(file -> {
                    Path png = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                            ? file : file.resolveSibling(file.getFileName() + ".png");
                    try {
                        writer.write(png);
                        status.set("Saved " + png);
                    } catch (java.io.IOException | RuntimeException e) {
                        services.dialogs().showError("Cannot export the chart", png + ": " + e.getMessage());
                    }
                });
    }

    /** Says that the tab shown has no chart to export. */
    public void nothingToExport(String tab) {
        services.dialogs().showInformation("Nothing to export", "The " + tab
                + " tab has no chart. Export works on the Trends, Distributions and JFR tabs.");
    }

    /** Asks for a project directory and opens it. */
    public void openProjectWithDialog() {
        services.dialogs().chooseDirectory("Open perfgate project").ifPresent(this::open);
    }

    /** Asks for a file (JMH results, history or JFR recording) and opens it. */
    public void openFileWithDialog() {
        services.dialogs().chooseFile("Open results, history or JFR recording", OPENABLE).ifPresent(this::open);
    }

    /**
     * Opens a project directory, a history, JMH results (added to what is open) or a JFR
     * recording, in the background.
     */
    public void open(Path path) {
        open(List.of(path));
    }

    /**
     * Opens several files at once (dropped together) as one load: JFR recordings each in the JFR
     * view, the rest one after the other into one workspace, so that every one of them shows.
     */
    public void open(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (ProjectLoader.Kind.of(path) == ProjectLoader.Kind.JFR) {
                jfrOpener.accept(path);
            } else {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            return;
        }
        Workspace current = workspace.get();
        String what = files.size() == 1 ? "Opening " + files.get(0) : "Opening " + files.size() + " files";
        status.set(what + " ...");
        load(what, (progress, preview) -> {
            Workspace opened = current;
            for (int i = 0; i < files.size(); i++) {
                int done = i;
                opened = loader.open(files.get(i), opened, f -> progress.accept((done + f) / files.size()), preview);
            }
            return opened;
        }, opened -> {
            for (Path path : files) {
                if (opened.projectDir().isPresent() || ProjectLoader.Kind.of(path) == ProjectLoader.Kind.HISTORY) {
                    recent.setAll(services.recent().add(opened.projectDir().orElse(path)));
                }
            }
        }, "Cannot open " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files"));
    }

    /** Reloads what is open (after an approval, or when files changed). */
    public void reload() {
        Workspace current = workspace.get();
        current.projectDir().ifPresent(dir -> load("Reloading " + dir, (progress, preview) -> {
            Workspace fresh = loader.openProject(dir, current.platform(), progress, preview);
            for (var f : current.resultFiles()) {
                fresh = fresh.withResults(f);
            }
            return fresh;
        }, opened -> { }, "Cannot reload " + dir.getFileName()));
    }

    private void switchPlatform(PlatformKey key) {
        Workspace current = workspace.get();
        current.projectDir().ifPresent(dir -> load("Opening " + key,
                (progress, preview) -> loader.openProject(dir, Optional.of(key), progress, preview), opened -> { },
                "Cannot open the " + key + " baseline or history"));
    }

    /** Work that loads a workspace, handing a preview of a long history to the overview on the way. */
    @FunctionalInterface
    private interface Load {
        Workspace call(DoubleConsumer progress, Consumer<Workspace> preview) throws Exception;
    }

    /**
     * Loads a workspace in the background and shows it, unless another load was asked for since:
     * each load is numbered, and only the newest one's result, preview or failure is shown, so loads
     * that finish out of order never bring back an older state.
     */
    private void load(String what, Load work, Consumer<Workspace> then, String failureTitle) {
        long ticket = ++loads;
        // A preview of a load this one supersedes goes: its workspace will never be shown.
        overview.endPreview();
        Consumer<Workspace> preview = early -> {
            Runnable show = overview.preview(early);
            services.runner().handOver(() -> {
                if (ticket == loads) {
                    show.run();
                }
            });
        };
        services.runner().runWithProgress(what, progress -> work.call(progress, preview), opened -> {
            if (ticket == loads) {
                show(opened);
                then.accept(opened);
            }
        }, failure -> {
            if (ticket == loads) {
                overview.endPreview();
                failed(failureTitle, failure);
            }
        });
    }

    private void show(Workspace opened) {
        workspace.set(opened);
        updatingPlatform = true;
        try {
            platforms.setAll(opened.platforms());
            platform.set(opened.platform().orElse(null));
        } finally {
            updatingPlatform = false;
        }
        title.set(opened.isEmpty() ? "perf-analyzer" : "perf-analyzer - " + opened.title());
        status.set(describe(opened));
    }

    private static String describe(Workspace ws) {
        StringBuilder sb = new StringBuilder();
        ws.projectDir().ifPresent(d -> sb.append(d.toAbsolutePath().normalize()));
        ws.platform().ifPresent(p -> sb.append(sb.length() > 0 ? " - " : "").append(p));
        sb.append(sb.length() > 0 ? ": " : "");
        sb.append(ws.baseline().map(b -> b.entries().size() + " baseline benchmarks").orElse("no baseline"));
        sb.append(", ").append(ws.history().map(h -> h.runs().size() + " runs in the history").orElse("no history"));
        ws.history().filter(h -> h.tornLastLine()).ifPresent(h -> sb.append(" (a torn last line was skipped)"));
        if (!ws.resultFiles().isEmpty()) {
            sb.append(", ").append(ws.resultFiles().size()).append(ws.resultFiles().size() == 1 ? " results file"
                    : " results files");
        }
        return sb.toString();
    }

    private void failed(String title, Exception failure) {
        String message = failure instanceof InputException ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        status.set(message);
        services.dialogs().showError(title, message);
    }
}
