package dev.perfgate.analyzer.trend;

import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.core.history.Trend;
import dev.perfgate.core.history.Trends;
import dev.perfgate.core.history.HistoryIndex;
import dev.perfgate.core.history.TrendSeries;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.InputException;
import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.report.Text;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trend view's state: the benchmark list with its filter, the selection, the visible time
 * range (zoom and pan) and the {@link TrendPlot} the chart draws. One selected benchmark is plotted
 * in its unit with its baseline and threshold band; several are overlaid as ratios to their
 * baselines. Series are downsampled to {@link #maxPointsProperty()} points per benchmark over the
 * visible range, so a history of 10,000 runs draws as fast as one of 100.
 */
public final class TrendViewModel {

    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final BackgroundRunner runner;
    private final ChangePoints detector = ChangePoints.defaults();

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<BenchmarkGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<BenchmarkGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<BenchmarkId> selected = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrendPlot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final IntegerProperty maxPoints = new SimpleIntegerProperty(this, "maxPoints", 600);

    /** Per series (one benchmark on one host class) of the open history. */
    private final Map<TrendSeries, List<TrendPlotBuilder.Change>> changePoints = new HashMap<>();
    private final Set<TrendSeries> pendingChangePoints = new HashSet<>();
    private final Map<TrendSeries, double[]> xs = new HashMap<>();
    private double viewFrom = Double.NaN;
    private double viewTo = Double.NaN;
    private boolean building;

    /**
     * @param workspace what is open
     * @param runner    runs change-point detection in the background
     */
    public TrendViewModel(ReadOnlyObjectProperty<Workspace> workspace, BackgroundRunner runner) {
        this.workspace = workspace;
        this.runner = runner;
        workspace.addListener((obs, old, now) -> {
            changePoints.clear();
            pendingChangePoints.clear();
            xs.clear();
            viewFrom = Double.NaN;
            viewTo = Double.NaN;
            rebuildGroups();
            List<BenchmarkId> still = selected.stream().filter(now.benchmarks()::contains).toList();
            if (still.equals(selected)) {
                replot();
            } else {
                selected.setAll(still);
            }
        });
        filter.addListener((obs, old, now) -> rebuildGroups());
        selected.addListener((javafx.collections.ListChangeListener<BenchmarkId>) c -> {
            viewFrom = Double.NaN;
            viewTo = Double.NaN;
            replot();
        });
        maxPoints.addListener((obs, old, now) -> replot());
        rebuildGroups();
        replot();
    }

    /** Text filtering the benchmark list: every blank-separated word must occur in the name (any case). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The benchmarks passing the filter, grouped by class. */
    public ObservableList<BenchmarkGroup> groups() {
        return groupsView;
    }

    /** The benchmarks to plot; the view keeps it in step with its selection. */
    public ObservableList<BenchmarkId> selected() {
        return selected;
    }

    /** What to draw; null when there is nothing to plot ({@link #messageProperty()} says why). */
    public ReadOnlyObjectProperty<TrendPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    /** Why nothing is plotted, and what to do; empty while a plot is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One line about the plot: runs, points drawn, change points, baseline. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Most points drawn per benchmark; the view sets it from the chart's width. */
    public IntegerProperty maxPointsProperty() {
        return maxPoints;
    }

    /** Halves the visible time range around its middle. */
    public void zoomIn() {
        double[] r = range();
        if (r != null) {
            zoomAround((r[0] + r[1]) / 2, 0.5);
        }
    }

    /** Doubles the visible time range around its middle. */
    public void zoomOut() {
        double[] r = range();
        if (r != null) {
            zoomAround((r[0] + r[1]) / 2, 2);
        }
    }

    /**
     * Scales the visible time range by {@code factor} keeping {@code center} where it is on screen.
     *
     * @param center epoch milliseconds
     * @param factor below 1 zooms in, above 1 zooms out
     */
    public void zoomAround(double center, double factor) {
        double[] r = range();
        double[] full = fullRange();
        if (r == null || full == null || !(factor > 0)) {
            return;
        }
        double from = center - (center - r[0]) * factor;
        double to = center + (r[1] - center) * factor;
        setView(from, to, full);
    }

    /** Shows exactly {@code [from, to]} (epoch milliseconds), e.g. from a dragged rectangle. */
    public void zoomTo(double from, double to) {
        double[] full = fullRange();
        if (full != null && to > from) {
            setView(from, to, full);
        }
    }

    /** Moves the visible range by {@code fraction} of its width (negative: to the past). */
    public void pan(double fraction) {
        double[] r = range();
        double[] full = fullRange();
        if (r == null || full == null) {
            return;
        }
        double width = r[1] - r[0];
        double shift = Math.max(full[0] - r[0], Math.min(full[1] - r[1], width * fraction));
        setView(r[0] + shift, r[1] + shift, full);
    }

    /** Shows the whole history again. */
    public void resetZoom() {
        viewFrom = Double.NaN;
        viewTo = Double.NaN;
        replot();
    }

    /** Whether a part of the history is shown. */
    public boolean isZoomed() {
        return !Double.isNaN(viewFrom);
    }

    private void setView(double from, double to, double[] full) {
        double width = to - from;
        if (width >= full[1] - full[0]) {
            resetZoom();
            return;
        }
        width = Math.max(width, 60_000);
        from = Math.max(full[0], Math.min(from, full[1] - width));
        viewFrom = from;
        viewTo = from + width;
        replot();
    }

    private double[] range() {
        double[] full = fullRange();
        if (full == null) {
            return null;
        }
        return Double.isNaN(viewFrom) ? full : new double[] {viewFrom, viewTo};
    }

    /** Time range of the selected benchmarks' histories; null when there is none. */
    private double[] fullRange() {
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (TrendSeries s : selectedSeries()) {
            if (s.size() > 0) {
                from = Math.min(from, s.time(0));
                to = Math.max(to, s.time(s.size() - 1));
            }
        }
        if (from > to) {
            return null;
        }
        if (from == to) {
            return new double[] {from - 3_600_000, to + 3_600_000};
        }
        double pad = (to - from) * 0.02;
        return new double[] {from - pad, to + pad};
    }

    private List<TrendSeries> selectedSeries() {
        Optional<HistoryIndex> history = workspace.get().history();
        if (history.isEmpty()) {
            return List.of();
        }
        return selected.stream().flatMap(id -> history.get().series(id).stream()).toList();
    }

    private void rebuildGroups() {
        String[] words = filter.get() == null ? new String[0]
                : filter.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        Map<String, List<BenchmarkId>> byClass = new LinkedHashMap<>();
        for (BenchmarkId id : workspace.get().benchmarks()) {
            String text = id.displayWithMode().toLowerCase(Locale.ROOT);
            boolean matches = true;
            for (String w : words) {
                matches &= w.isEmpty() || text.contains(w);
            }
            if (matches) {
                byClass.computeIfAbsent(BenchmarkGroup.classOf(id), k -> new ArrayList<>()).add(id);
            }
        }
        groups.setAll(byClass.entrySet().stream().map(e -> new BenchmarkGroup(e.getKey(), e.getValue())).toList());
    }

    private void replot() {
        Workspace ws = workspace.get();
        if (ws.isEmpty()) {
            show(null, "Open a project directory (File > Open Project, Ctrl+O), a history (.jsonl) or JMH results "
                    + "(.json), or drop one on this window.");
            return;
        }
        if (ws.history().isEmpty() || ws.history().get().runs().isEmpty()) {
            show(null, "No history to plot" + ws.platform().map(p -> " for " + p).orElse("")
                    + ". perf-gate record appends runs to history/<platform>.jsonl; the Compare tab works without one.");
            return;
        }
        if (selected.isEmpty()) {
            show(null, "Select a benchmark on the left to plot its history (Ctrl+F searches). Select several to "
                    + "overlay them relative to their baselines.");
            return;
        }
        List<TrendSeries> series = selectedSeries();
        if (series.isEmpty()) {
            show(null, "No run in the history measured " + selected.get(0).display() + ".");
            return;
        }
        building = true;
        try {
            TrendPlotBuilder.Built built = new TrendPlotBuilder(ws, Set.copyOf(selected), range(), maxPoints.get(), xs,
                    this::changePoints).build(series);
            summary.set(built.summary());
            show(built.plot(), "");
        } finally {
            building = false;
        }
    }

    private void show(TrendPlot newPlot, String why) {
        plot.set(newPlot);
        message.set(why);
        if (newPlot == null) {
            summary.set("");
        }
    }

    /**
     * The series' change points, each with what changed in the environment at it, as perf-core's
     * {@link Trends#trend} finds them for {@code perf-gate history}.
     */
    private List<TrendPlotBuilder.Change> changes(HistoryIndex history, TrendSeries s) {
        Trend trend = new Trends(new HistoryReader(), detector).trend(history.file(), s);
        List<TrendPlotBuilder.Change> out = new ArrayList<>();
        for (ChangePoints.ChangePoint cp : trend.changePoints()) {
            out.add(new TrendPlotBuilder.Change(cp, trend.environmentChange(cp).orElse("")));
        }
        return out;
    }

    /** Cached change points, or null while they are being found in the background. */
    private List<TrendPlotBuilder.Change> changePoints(TrendSeries s) {
        List<TrendPlotBuilder.Change> known = changePoints.get(s);
        if (known != null || pendingChangePoints.contains(s)) {
            return known;
        }
        pendingChangePoints.add(s);
        Workspace asked = workspace.get();
        HistoryIndex history = asked.history().orElseThrow();
        runner.run("Finding change points", () -> changes(history, s), found -> {
            if (workspace.get() == asked) {
                pendingChangePoints.remove(s);
                changePoints.put(s, found);
                if (selected.contains(s.id()) && !building) {
                    replot();
                }
            }
        }, failure -> pendingChangePoints.remove(s));
        return changePoints.get(s);
    }

}
