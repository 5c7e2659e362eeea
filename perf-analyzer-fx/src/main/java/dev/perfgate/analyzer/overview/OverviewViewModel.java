package dev.perfgate.analyzer.overview;

import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.HistoryIndex;
import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.RunInfo;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.history.TrendSeries;
import dev.perfgate.core.history.Trends;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.report.ReportLabels;
import dev.perfgate.core.report.Text;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Verdict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every benchmark of the open platform at once: the latest run's verdict against the baseline (the
 * same {@link Gate} as {@code perf-gate check}), a small trend line, the last change point and the
 * host classes it ran on; regressions first, then inconclusive results, so that an engineer who
 * opens a project to look at a regression sees it first.
 */
public final class OverviewViewModel {

    /** Points of the small trend line. */
    public static final int RECENT = 40;

    /** What the last change point column says in a preview, before the whole history is read. */
    public static final String PENDING = "(reading the history ...)";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The order verdicts are listed in: what needs a look first. */
    private static final List<Verdict> ORDER = List.of(Verdict.REGRESSION, Verdict.INCONCLUSIVE, Verdict.MISSING,
            Verdict.NEW, Verdict.IMPROVEMENT, Verdict.UNCHANGED);

    /**
     * One benchmark.
     *
     * @param id         the benchmark
     * @param label      its name with mode and parameters, without the package all benchmarks share
     * @param verdict    the latest run's verdict against the baseline; null without a baseline or a run
     * @param change     the estimated change with its interval, e.g. {@code +12.3% [+8.1%, +16.0%]}; empty when none
     * @param recent     the latest scores of its trend (of the host class of its latest run), oldest first
     * @param lastChange the last change point of that trend, e.g. {@code +40.0% at c000000008 (2026-10-01)}; empty when none
     * @param hosts      the host class of that trend, and how many classes the benchmark ran on when more than one
     */
    public record Line(BenchmarkId id, String label, Verdict verdict, String change, double[] recent, String lastChange,
                       String hosts) {
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final BackgroundRunner runner;

    public OverviewViewModel(ReadOnlyObjectProperty<Workspace> workspace, BackgroundRunner runner) {
        this.workspace = workspace;
        this.runner = runner;
        workspace.addListener((obs, old, now) -> refresh(now));
    }

    /** The benchmarks, what needs a look first. */
    public ObservableList<Line> lines() {
        return lines;
    }

    /** What the verdicts compare, and how many there are of each. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * True while the lines are a preview: a project being opened, summarized from the end of its
     * history ({@link #preview}) until the whole of it is read.
     */
    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    private record Overview(List<Line> lines, String summary) {
    }

    /**
     * Summarizes a workspace being opened, whose history holds only the latest runs so far, on the
     * calling thread (the loading one), and returns what shows that summary, to be run on the UI
     * thread: verdicts and small trend lines at once, change points when the whole history is read
     * and the workspace shown. Returns nothing to show when the summary fails; the whole read reports
     * what is wrong.
     */
    public Runnable preview(Workspace early) {
        Overview done;
        try {
            done = overview(early, false);
        } catch (InputException | RuntimeException e) {
            return () -> { };
        }
        int runs = early.history().map(h -> h.runs().size()).orElse(0);
        String note = " (from the latest " + runs + " runs; trends and change points follow when the whole history is read)";
        return () -> {
            lines.setAll(done.lines());
            summary.set(done.summary() + note);
            previewing.set(true);
        };
    }

    /** Drops a preview whose workspace was never shown (its load failed), showing what is open. */
    public void endPreview() {
        if (previewing.get()) {
            previewing.set(false);
            refresh(workspace.get());
        }
    }

    private void refresh(Workspace ws) {
        if (!previewing.get()) {
            lines.clear();
            summary.set(ws.isEmpty() ? "" : "Summarizing ...");
        }
        if (ws.isEmpty()) {
            previewing.set(false);
            lines.clear();
            summary.set("");
            return;
        }
        runner.run("Summarizing the benchmarks", () -> overview(ws, true), done -> {
            if (workspace.get() == ws) {
                previewing.set(false);
                lines.setAll(done.lines());
                summary.set(done.summary());
            }
        }, failure -> {
            if (workspace.get() == ws) {
                previewing.set(false);
                lines.clear();
                summary.set("No overview: " + failure.getMessage());
            }
        });
    }

    private static Overview overview(Workspace ws, boolean changePoints) throws InputException {
        Optional<HistoryIndex> history = ws.history();
        Optional<Baseline> baseline = ws.baseline();
        Map<BenchmarkId, ComparisonRow> rows = new HashMap<>();
        String summary;
        Optional<RunInfo> latest = history.flatMap(HistoryIndex::latestRun);
        HistoryReader reader = new HistoryReader();
        if (latest.isPresent() && baseline.isPresent()) {
            Run run = reader.readRun(history.get().file(), latest.get());
            Baseline b = baseline.get();
            GateReport report = new Gate(GatePolicy.DEFAULT).compare(b.asResults(), run.results(), b.thresholds(),
                    b.noise());
            report.rows().stream().filter(ComparisonRow::isPrimary).forEach(r -> rows.put(r.id(), r));
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            rows.values().forEach(r -> counts.merge(r.decision().verdict(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            for (Verdict v : ORDER) {
                if (counts.containsKey(v)) {
                    parts.add(counts.get(v) + " " + v.label());
                }
            }
            summary = "Latest run " + latest.get().runId() + (latest.get().commit().isEmpty() ? "" : " ("
                    + latest.get().shortCommit() + ")") + " against the baseline: " + String.join(", ", parts);
        } else {
            summary = baseline.isEmpty() ? "No baseline: trends only." : "No run in the history to check.";
        }
        TreeSet<BenchmarkId> ids = new TreeSet<>(rows.keySet());
        history.ifPresent(h -> ids.addAll(h.series().keySet()));
        Trends trends = new Trends(reader, ChangePoints.defaults());
        String prefix = ReportLabels.commonPackage(ids);
        List<Line> out = new ArrayList<>();
        for (BenchmarkId id : ids) {
            ComparisonRow row = rows.get(id);
            List<TrendSeries> series = history.map(h -> h.series(id)).orElse(List.of());
            double[] recent = new double[0];
            String lastChange = "";
            String hosts = "";
            if (!series.isEmpty()) {
                // The trend of the class that ran latest.
                TrendSeries s = series.stream().max(Comparator.comparingLong(t -> t.time(t.size() - 1))).orElseThrow();
                double[] scores = s.scores();
                recent = Arrays.copyOfRange(scores, Math.max(0, scores.length - RECENT), scores.length);
                Trend trend = changePoints ? trends.trend(history.get().file(), s) : null;
                if (trend == null) {
                    lastChange = PENDING;
                } else if (!trend.changePoints().isEmpty()) {
                    ChangePoints.ChangePoint cp = trend.changePoints().get(trend.changePoints().size() - 1);
                    RunInfo at = s.run(cp.index());
                    lastChange = String.format(java.util.Locale.ROOT, "%s at %s (%s)",
                            Text.percent(cp.after() / cp.before() - 1), at.shortCommit().isEmpty() ? at.runId()
                                    : at.shortCommit(), DAY.format(at.timestamp()))
                            + trend.environmentChange(cp).map(e -> ", " + e).orElse("");
                }
                hosts = s.hostLabel() + (series.size() > 1 ? " (of " + series.size() + " classes)" : "");
            }
            String label = id.displayWithMode();
            out.add(new Line(id, label.startsWith(prefix) ? label.substring(prefix.length()) : label, row == null ? null : row.decision().verdict(), row == null ? "" : change(row),
                    recent, lastChange, hosts));
        }
        out.sort(Comparator.comparingInt((Line l) -> l.verdict() == null ? ORDER.size() : ORDER.indexOf(l.verdict()))
                .thenComparing(Line::id));
        return new Overview(out, summary);
    }

    private static String change(ComparisonRow row) {
        double c = row.decision().change();
        if (!Double.isFinite(c)) {
            return "";
        }
        String interval = Text.interval(row.decision().ciLow(), row.decision().ciHigh());
        return Text.percent(c) + (interval.isEmpty() ? "" : " " + interval);
    }
}
