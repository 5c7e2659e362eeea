package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.analyzer.export.PngExporter;
import dev.perfgate.analyzer.project.RecentProjects;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import dev.perfgate.analyzer.ui.FxDialogService;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.platform.PlatformDetector;
import dev.perfgate.core.stats.Verdict;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * Drives the real application window through its views to take the screenshots of
 * docs/analyzer.md (scene snapshots: the window's content as it is drawn; the trend with a point's
 * tooltip is a screen shot by ImageMagick's {@code import}, cropped to the window). Run under Xvfb
 * with the demo made by {@link DemoProject}: arguments are the demo directory and the output directory.
 */
public final class Screenshots {

    private static Path demo;
    private static Path out;

    private Screenshots() {
    }

    public static void main(String[] args) {
        demo = Path.of(args[0]);
        out = Path.of(args[1]);
        Application.launch(App.class);
    }

    /** The application, with dialogs that answer the reason and photograph the diff dialog. */
    public static final class App extends Application {
        private Stage stage;
        private MainViewModel model;
        private MainView view;

        @Override
        public void start(Stage primary) {
            stage = primary;
            FxDialogService dialogs = new FxDialogService(() -> stage) {
                @Override
                public Optional<String> askText(String title, String prompt, String initial) {
                    return Optional.of("summing boxed longs now: 40% slower by design");
                }

                @Override
                public boolean confirmApproval(String title, String diff, List<String> warnings) {
                    CompletableFuture.runAsync(() -> {
                        sleep(1500);
                        Platform.runLater(() -> {
                            Window dialog = Window.getWindows().stream().filter(w -> w != stage).findFirst()
                                    .orElseThrow();
                            shoot(dialog.getScene(), "analyzer-approve.png");
                            ((Button) dialog.getScene().lookup("#cancelApprove")).fire();
                        });
                    });
                    return super.confirmApproval(title, diff, warnings);
                }
            };
            AnalyzerServices services = new AnalyzerServices(dialogs, new FxBackgroundRunner(),
                    new RecentProjects(Preferences.userRoot().node("dev-perfgate-analyzer-screenshots")),
                    Clock.systemUTC(), PlatformDetector.ofThisMachine(), java.util.Optional.empty());
            model = new MainViewModel(services);
            view = Analyzer.build(model);
            stage.setScene(new Scene(view, 1440, 900));
            stage.titleProperty().bind(model.titleProperty());
            stage.show();
            Thread script = new Thread(this::script, "screenshot-script");
            script.setDaemon(true);
            script.start();
        }

        private void script() {
            try {
                Files.createDirectories(out);
                sleep(1500);
                fx(() -> shoot(stage.getScene(), "analyzer-empty.png"));
                fx(() -> model.open(demo.resolve("project")));
                idle();
                sleep(1000);
                fx(() -> shoot(stage.getScene(), "analyzer-overview.png"));
                BenchmarkId regressing = ProjectFixtures.REGRESSING;
                fx(() -> {
                    view.showTab("trendsTab");
                    view.trendView().select(List.of(regressing));
                });
                idle();
                sleep(1500);
                // Hover a point after the step, then photograph the screen: the tooltip is a window
                // of its own, which a scene snapshot would not show.
                fx(() -> {
                    var chart = view.trendView().chart();
                    var node = chart.getData().get(0).getData().get(30).getNode();
                    var center = node.localToScreen(node.getBoundsInLocal().getCenterX(),
                            node.getBoundsInLocal().getCenterY());
                    new javafx.scene.robot.Robot().mouseMove(center.getX(), center.getY());
                });
                sleep(1500);
                screen(stage, "analyzer-trends.png");
                fx(() -> new javafx.scene.robot.Robot().mouseMove(stage.getX() + 5, stage.getY() + stage.getHeight() - 5));
                fx(() -> view.trendView().select(model.workspaceProperty().get().benchmarks().subList(1, 5)));
                idle();
                sleep(800);
                fx(() -> shoot(stage.getScene(), "analyzer-overlay.png"));
                fx(() -> view.showTab("compareTab"));
                idle();
                sleep(500);
                fx(() -> shoot(stage.getScene(), "analyzer-compare.png"));
                fx(() -> {
                    var table = view.compareView().table();
                    ComparisonLine row = table.getItems().stream().filter(l -> l.verdict() == Verdict.REGRESSION)
                            .findFirst().orElseThrow();
                    table.getSelectionModel().select(row);
                });
                sleep(500);
                fx(() -> view.showTab("distributionsTab"));
                sleep(1000);
                fx(() -> shoot(stage.getScene(), "analyzer-distributions.png"));
                fx(() -> view.showTab("compareTab"));
                sleep(300);
                Platform.runLater(view::approve);
                sleep(4000);
                idle();
                fx(() -> model.jfr().openBase(demo.resolve("base.jfr")));
                idle();
                fx(() -> model.jfr().openCurrent(demo.resolve("current.jfr")));
                idle();
                fx(() -> view.showTab("jfrTab"));
                sleep(1200);
                fx(() -> shoot(stage.getScene(), "analyzer-jfr.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(Platform::exit);
            }
        }

        private void idle() throws Exception {
            sleep(300);
            for (int i = 0; i < 600 && fxGet(() -> model.busyProperty().get()); i++) {
                sleep(100);
            }
            sleep(300);
        }
    }

    private static void shoot(Scene scene, String name) {
        try {
            PngExporter.write(scene.snapshot(null), out.resolve(name));
            System.out.println("wrote " + out.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Photographs the screen (windows such as tooltips included) and crops it to the stage. */
    private static void screen(Stage stage, String name) throws Exception {
        double[] box = fxGet(() -> new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()});
        Path root = Files.createTempFile("screen", ".png");
        run("import", "-window", "root", root.toString());
        run("convert", root.toString(), "-crop", String.format(java.util.Locale.ROOT, "%dx%d+%d+%d", (int) box[2],
                (int) box[3], (int) box[0], (int) box[1]), "+repage", out.resolve(name).toString());
        Files.delete(root);
        System.out.println("wrote " + out.resolve(name));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static <T> T fxGet(Supplier<T> s) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> done.complete(s.get()));
        return done.get(30, TimeUnit.SECONDS);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
