package dev.perfgate.analyzer;

/**
 * Assembles the main view with all its tabs from a {@link MainViewModel}; the application and the
 * TestFX tests build the window the same way.
 */
public final class Analyzer {

    private Analyzer() {
    }

    /** The main view with every tab. */
    public static MainView build(MainViewModel model) {
        return new MainView(model);
    }
}
