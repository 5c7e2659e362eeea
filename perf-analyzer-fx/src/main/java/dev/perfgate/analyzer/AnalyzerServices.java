package dev.perfgate.analyzer;

import dev.perfgate.analyzer.project.RecentProjects;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.analyzer.ui.DialogService;
import dev.perfgate.core.platform.PlatformDetector;

import java.time.Clock;
import java.util.Objects;

/**
 * What the analyzer's view models get from outside, so that tests can replace each: dialogs,
 * background work, the recent-projects store, the clock (approval times) and the machine
 * (fingerprints of results files), the cache of history indexes.
 *
 * @param dialogs  every dialog
 * @param runner   runs slow work off the UI thread
 * @param recent   remembers opened projects
 * @param clock    the time approvals are stamped with
 * @param detector platform and fingerprint of this machine
 * @param cacheDir where history indexes are cached between sessions; empty for no cache
 */
public record AnalyzerServices(DialogService dialogs, BackgroundRunner runner, RecentProjects recent, Clock clock,
                               PlatformDetector detector, java.util.Optional<java.nio.file.Path> cacheDir) {

    public AnalyzerServices {
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(cacheDir, "cacheDir");
    }
}
