package dev.perfgate.analyzer;

import dev.perfgate.analyzer.overview.OverviewViewModel;
import dev.perfgate.analyzer.project.RecentProjects;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import dev.perfgate.analyzer.ui.FxDialogService;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.platform.PlatformDetector;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Times what a user waits for in the real window: from asking to open a project to its first
 * benchmark's trend drawn (history read, benchmark selected, chart laid out and rendered to an
 * image). Not a unit test; run by hand (see docs/analyzer.md) with a project directory, e.g. one
 * whose history {@link LargeHistory} wrote, as the argument. Opens it {@code repeat} times. With
 * {@code -Dtiming.cache=DIR} history indexes are cached in DIR, as the application caches them.
 */
public final class OpenAndPlotTiming {

    private static Path project;
    private static int repeat;

    public static void main(String[] args) {
        project = Path.of(args[0]);
        repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Application.launch(App.class);
    }

    /** The timing application; a nested class because a main class extending Application cannot start from the class path. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        AnalyzerServices services = new AnalyzerServices(new FxDialogService(() -> stage), new FxBackgroundRunner(),
                new RecentProjects(Preferences.userRoot().node("dev-perfgate-analyzer-timing")), Clock.systemUTC(),
                PlatformDetector.ofThisMachine(),
                java.util.Optional.ofNullable(System.getProperty("timing.cache")).map(Path::of));
        MainViewModel model = new MainViewModel(services);
        MainView view = Analyzer.build(model);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        // Where a cold start's time goes before the history is asked for: JVM start, class loading and
        // JavaFX's toolkit, up to the window shown.
        ProcessHandle.current().info().startInstant().ifPresent(started -> System.out.printf(
                "process start to window shown: %d ms%n", java.time.Duration.between(started,
                        java.time.Instant.now()).toMillis()));
        openAndPlot(model, view, 1);
    }

    private void openAndPlot(MainViewModel model, MainView view, int round) {
        long t0 = System.nanoTime();
        timeOverview(model, view, t0);
        model.workspaceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.perfgate.analyzer.project.Workspace> o,
                                dev.perfgate.analyzer.project.Workspace old, dev.perfgate.analyzer.project.Workspace now) {
                model.workspaceProperty().removeListener(this);
                long loaded = System.nanoTime();
                List<BenchmarkId> ids = now.benchmarks();
                view.trendView().select(List.of(ids.get(0)));
                long selected = System.nanoTime();
                Platform.runLater(() -> {
                    view.trendView().chart().applyCss();
                    view.trendView().chart().layout();
                    view.trendView().chart().snapshot(null, null);
                    long plotted = System.nanoTime();
                    ProcessHandle.current().info().startInstant().ifPresent(started -> System.out.printf(
                            "process start to plotted: %d ms%n", java.time.Duration.between(started,
                                    java.time.Instant.now()).toMillis()));
                    System.out.printf("round %d: history read in %.0f ms, opened and plotted (%d points drawn) in %.0f ms"
                                    + " (selecting and building the plot %.0f ms, first layout and rendering %.0f ms)%n",
                            round, (loaded - t0) / 1e6, view.trendView().chart().plot().pointCount(),
                            (plotted - t0) / 1e6, (selected - loaded) / 1e6, (plotted - selected) / 1e6);
                    if (round < repeat) {
                        openAndPlot(model, view, round + 1);
                    } else {
                        Platform.exit();
                    }
                });
            }
        });
        model.open(project);
    }

    /**
     * Prints when the overview, the tab a project opens on, first shows every benchmark (a preview
     * of a long history, from its latest runs) and when it is complete (change points included),
     * each drawn.
     */
    private static void timeOverview(MainViewModel model, MainView view, long t0) {
        javafx.scene.Node table = view.lookup("#overviewTable");
        Runnable drawn = () -> {
            long styled = System.nanoTime();
            table.applyCss();
            ((javafx.scene.Parent) table).layout();
            long laidOut = System.nanoTime();
            table.snapshot(null, null);
            System.out.printf("  the overview table: styled and laid out in %.0f ms, rendered in %.0f ms%n",
                    (laidOut - styled) / 1e6, (System.nanoTime() - laidOut) / 1e6);
        };
        model.overview().previewingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean old, Boolean now) {
                if (now) {
                    model.overview().previewingProperty().removeListener(this);
                    drawn.run();
                    System.out.printf("overview previewed (%d benchmarks, latest runs) in %.0f ms%s%n",
                            model.overview().lines().size(), (System.nanoTime() - t0) / 1e6, sinceStart());
                }
            }
        });
        model.overview().lines().addListener(new javafx.collections.ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends OverviewViewModel.Line> c) {
                List<OverviewViewModel.Line> lines = model.overview().lines();
                if (!lines.isEmpty() && lines.stream().noneMatch(l -> OverviewViewModel.PENDING.equals(l.lastChange()))) {
                    model.overview().lines().removeListener(this);
                    drawn.run();
                    System.out.printf("overview complete (%d benchmarks) in %.0f ms%s%n",
                            model.overview().lines().size(), (System.nanoTime() - t0) / 1e6, sinceStart());
                }
            }
        });
    }

    private static String sinceStart() {
        return ProcessHandle.current().info().startInstant().map(started -> String.format(
                " (%d ms from process start)", java.time.Duration.between(started, java.time.Instant.now())
                        .toMillis())).orElse("");
    }
    }
}
