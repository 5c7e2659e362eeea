package dev.perfgate.cli;

import dev.perfgate.core.InputException;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.history.Trends;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.report.MarkdownReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recent history of a report's benchmarks, for the Trend column of the Markdown report: the
 * last {@value MarkdownReport#TREND_RUNS} runs of each, streamed from {@code history/<platform>.jsonl}.
 *
 * <p>The history only decorates the report; the verdict comes from the baseline. So a history that
 * cannot be read (a bad line, say a merge conflict in the file) is a warning on standard error and
 * a report without the Trend column, not a failed gate: the gate's exit code and reports stay those
 * of the comparison. {@code perf-gate history} reports the same file as bad input (exit 2).
 */
final class RecentHistory {

    private RecentHistory() {
    }

    /**
     * The trends of the report's primary benchmarks on the host class of its results (runs of other
     * classes are other trends); empty when there is no history or it cannot be read.
     *
     * @param hostClass the host class of the report's results; null for results without one
     * @param err       where warnings go
     */
    static List<Trend> of(GateReport report, Path projectDir, PlatformKey platform, HostClass hostClass, Clock clock,
                          PrintWriter err) {
        HistoryStore store = new HistoryStore(projectDir, clock);
        Path file = store.path(platform);
        Set<BenchmarkId> ids = report.rows().stream().filter(ComparisonRow::isPrimary).map(ComparisonRow::id)
                .collect(Collectors.toUnmodifiableSet());
        try {
            Trends.Result read = new Trends(store, ChangePoints.defaults()).read(file, ids::contains,
                    MarkdownReport.TREND_RUNS);
            if (read.tornLastLine()) {
                err.println("perf-gate: warning: the last line of " + file + " is torn (an interrupted write) and "
                        + "was skipped; the next record or approve moves it aside");
            }
            return read.trends().stream().filter(t -> Objects.equals(t.hostClass(), hostClass)).toList();
        } catch (InputException e) {
            err.println("perf-gate: warning: the Markdown report has no Trend column: " + e.getMessage());
            return List.of();
        }
    }
}
