package dev.perfgate.core.history;

import dev.perfgate.core.model.BenchmarkId;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the analyzer keeps of a history file: the runs (without their samples), every benchmark's
 * score series and the approval events. Built by {@link HistoryReader}.
 *
 * @param file         the history file
 * @param runs         the runs in file order; a run id seen twice (an approval re-records a run of
 *                     the history) is indexed once
 * @param series       every benchmark's score series, sorted by identity: one per host class its
 *                     runs were recorded on (runs of different classes are never one line), the
 *                     class whose first run is oldest first
 * @param approvals    the approval events in file order
 * @param tornLastLine whether the file ended in a torn (partly written) line, which was skipped
 */
public record HistoryIndex(Path file, List<RunInfo> runs, SortedMap<BenchmarkId, List<TrendSeries>> series,
                           List<HistoryRecord.ApprovalRecord> approvals, boolean tornLastLine) {

    public HistoryIndex {
        Objects.requireNonNull(file, "file");
        runs = List.copyOf(runs);
        TreeMap<BenchmarkId, List<TrendSeries>> copy = new TreeMap<>();
        series.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        series = Collections.unmodifiableSortedMap(copy);
        approvals = List.copyOf(approvals);
    }

    /** An index of a history with nothing in it. */
    public static HistoryIndex empty(Path file) {
        return new HistoryIndex(file, List.of(), new TreeMap<>(), List.of(), false);
    }

    /** The series of a benchmark, one per host class; empty when it has none. */
    public List<TrendSeries> series(BenchmarkId id) {
        return series.getOrDefault(id, List.of());
    }

    /** The most recent run, if any. */
    public Optional<RunInfo> latestRun() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }
}
