package dev.perfgate.analyzer;

import dev.perfgate.core.history.HistoryIndexCache;
import dev.perfgate.analyzer.project.RecentProjects;
import dev.perfgate.analyzer.ui.FxBackgroundRunner;
import dev.perfgate.analyzer.ui.FxDialogService;
import dev.perfgate.core.platform.PlatformDetector;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The JavaFX application: builds the real services, the main view model and view, and opens the
 * project or file named on the command line. Start it through {@link Launcher}.
 */
public final class AnalyzerApp extends Application {

    @Override
    public void start(Stage stage) {
        AnalyzerServices services = new AnalyzerServices(new FxDialogService(() -> stage), new FxBackgroundRunner(),
                new RecentProjects(Preferences.userNodeForPackage(AnalyzerApp.class)), Clock.systemUTC(),
                PlatformDetector.ofThisMachine(), Optional.of(HistoryIndexCache.defaultDirectory()));
        MainViewModel model = new MainViewModel(services);
        MainView view = Analyzer.build(model);
        Scene scene = new Scene(view, 1360, 860);
        view.installDragAndDrop(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            model.open(Path.of(args.get(0)));
        }
    }
}
