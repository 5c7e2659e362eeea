package dev.perfgate.analyzer;

import javafx.application.Application;

/**
 * The entry point of {@code perf-analyzer.jar}: {@code java -jar perf-analyzer.jar [PROJECT_DIR | FILE]}.
 *
 * <p>It deliberately does not extend {@link Application}: the JDK's launcher refuses to start a
 * main class that extends {@code Application} when JavaFX is on the class path rather than the
 * module path, as it is in the shaded jar.
 */
public final class Launcher {

    private Launcher() {
    }

    /** @param args optionally one project directory or file to open */
    public static void main(String[] args) {
        Application.launch(AnalyzerApp.class, args);
    }
}
