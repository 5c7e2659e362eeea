package dev.perfgate.analyzer.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;

import java.util.function.Consumer;

/**
 * Runs slow work (reading files, computing comparisons) off the JavaFX thread and hands the
 * result back on it. {@link FxBackgroundRunner} uses {@link javafx.concurrent.Task}s; tests of
 * view models use {@link #direct()}, which runs everything at once on the caller's thread.
 */
public interface BackgroundRunner {

    /** Work that may fail with a checked exception. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /** Work that reports how far it got, as a fraction in [0, 1]. */
    @FunctionalInterface
    interface ProgressWork<T> {
        T call(java.util.function.DoubleConsumer progress) throws Exception;
    }

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @param what a short description for the status line, e.g. {@code "Reading history"}
     */
    default <T> void run(String what, Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        runWithProgress(what, progress -> work.call(), onSuccess, onFailure);
    }

    /** As {@link #run}, for work that reports its progress ({@link #progressProperty()}). */
    <T> void runWithProgress(String what, ProgressWork<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /**
     * Runs {@code action} on the UI thread after what was handed over before it, and before the
     * running work's own result: for work that shows a first result while it goes on.
     */
    void handOver(Runnable action);

    /**
     * The progress of the work that reports it, in [0, 1]; -1 (indeterminate) when the running work
     * does not report any. A determinate indicator redraws only when this changes, which leaves the
     * processors to the work.
     */
    javafx.beans.property.ReadOnlyDoubleProperty progressProperty();

    /** True while any work is running: the view shows a progress indicator. */
    ReadOnlyBooleanProperty busyProperty();

    /** Runs work on the calling thread, then hands its result or failure on. */
    static <T> void runNow(ProgressWork<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        T result;
        try {
            result = work.call(p -> { });
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    /** A runner that runs work immediately on the calling thread. */
    static BackgroundRunner direct() {
        return new BackgroundRunner() {
            private final javafx.beans.property.ReadOnlyBooleanWrapper busy =
                    new javafx.beans.property.ReadOnlyBooleanWrapper(false);

            private final javafx.beans.property.ReadOnlyDoubleWrapper progress =
                    new javafx.beans.property.ReadOnlyDoubleWrapper(-1);

            @Override
            public <T> void runWithProgress(String what, ProgressWork<T> work, Consumer<T> onSuccess,
                                            Consumer<Exception> onFailure) {
                runNow(work, onSuccess, onFailure);
            }

            @Override
            public void handOver(Runnable action) {
                action.run();
            }

            @Override
            public ReadOnlyBooleanProperty busyProperty() {
                return busy.getReadOnlyProperty();
            }

            @Override
            public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
                return progress.getReadOnlyProperty();
            }
        };
    }
}
