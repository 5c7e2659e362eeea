package dev.perfgate.analyzer.project;

import dev.perfgate.core.history.HistoryIndex;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.PlatformKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything the analyzer has open: a project (its directory, platforms, the selected platform's
 * baseline and history) and any JMH results files. Immutable: opening something makes a new one.
 *
 * @param projectDir  the project directory (holding {@code baselines/} and {@code history/}), if one is open
 * @param platforms   the platforms that have a baseline or a history, sorted
 * @param platform    the platform shown
 * @param baseline    the platform's baseline, if it has one
 * @param history     the platform's history (or an opened {@code .jsonl}), if any
 * @param resultFiles opened JMH results files, oldest first
 */
public record Workspace(Optional<Path> projectDir, List<PlatformKey> platforms, Optional<PlatformKey> platform,
                        Optional<Baseline> baseline, Optional<HistoryIndex> history, List<ResultsFile> resultFiles) {

    public Workspace {
        Objects.requireNonNull(projectDir, "projectDir");
        platforms = List.copyOf(platforms);
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(history, "history");
        resultFiles = List.copyOf(resultFiles);
    }

    /** Nothing open. */
    public static Workspace empty() {
        return new Workspace(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    /** Whether nothing is open. */
    public boolean isEmpty() {
        return projectDir.isEmpty() && history.isEmpty() && baseline.isEmpty() && resultFiles.isEmpty();
    }

    /** This workspace with one more results file (replacing one read from the same path). */
    public Workspace withResults(ResultsFile file) {
        List<ResultsFile> files = new ArrayList<>(resultFiles);
        files.removeIf(f -> f.file().equals(file.file()));
        files.add(file);
        return new Workspace(projectDir, platforms, platform, baseline, history, files);
    }

    /** Every benchmark in the history, the baseline or a results file, sorted by identity. */
    public List<BenchmarkId> benchmarks() {
        TreeSet<BenchmarkId> ids = new TreeSet<>();
        history.ifPresent(h -> ids.addAll(h.series().keySet()));
        baseline.ifPresent(b -> b.entries().stream().map(BaselineEntry::id).forEach(ids::add));
        resultFiles.forEach(f -> f.results().stream().map(BenchmarkResult::id).forEach(ids::add));
        return List.copyOf(ids);
    }

    /** A title for the window, e.g. {@code "my-project (linux-x86_64)"}. */
    public String title() {
        String what = projectDir.map(d -> String.valueOf(d.toAbsolutePath().normalize().getFileName()))
                .or(() -> history.map(h -> String.valueOf(h.file().getFileName())))
                .or(() -> resultFiles.isEmpty() ? Optional.empty() : Optional.of(resultFiles.get(0).label()))
                .orElse("");
        return platform.map(p -> what + " (" + p + ")").orElse(what);
    }
}
