package dev.perfgate.analyzer.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs work as {@link Task}s on a small pool of daemon threads; results come back on the JavaFX
 * application thread. {@link #busyProperty()} is true while any task runs.
 */
public final class FxBackgroundRunner implements BackgroundRunner {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "perf-analyzer-background");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private int running;

    @Override
    public <T> void runWithProgress(String what, ProgressWork<T> work, Consumer<T> onSuccess,
                                    Consumer<Exception> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(what);
                return work.call(fraction -> updateProgress(Math.max(0, Math.min(1, fraction)), 1));
            }
        };
        task.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() >= 0) {
                progress.set(now.doubleValue());
            }
        });
        running++;
        busy.set(true);
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            Throwable t = task.getException();
            onFailure.accept(t instanceof Exception ex ? ex : new RuntimeException(t));
        });
        executor.execute(task);
    }

    @Override
    public void handOver(Runnable action) {
        // A task's own result is handed over with runLater as well, after its work returned.
        Platform.runLater(action);
    }

    private void done() {
        running--;
        busy.set(running > 0);
        if (running == 0) {
            progress.set(-1);
        }
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
