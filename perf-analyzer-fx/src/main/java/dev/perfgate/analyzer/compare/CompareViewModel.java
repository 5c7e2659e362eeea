package dev.perfgate.analyzer.compare;

import dev.perfgate.core.report.ReportLabels;

import dev.perfgate.analyzer.AnalyzerServices;
import dev.perfgate.core.history.HistoryReader;
import dev.perfgate.analyzer.project.ResultsFile;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.platform.HostFile;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.model.RunSettings;
import dev.perfgate.core.report.ConsoleReport;
import dev.perfgate.core.stats.GatePolicy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Compare tab's state: a base (the baseline, a history run or a results file) and a candidate
 * (a history run or a results file), compared with perf-core's {@link Gate} and
 * {@link GatePolicy#DEFAULT} exactly as the command line does: against the baseline like
 * {@code perf-gate check} (with the baseline's per-benchmark thresholds and the fingerprint
 * context), run against run like {@code perf-gate compare}. The rows' text is the console report's.
 */
public final class CompareViewModel {

    private final ReadOnlyObjectProperty<Workspace> workspace;
    private final AnalyzerServices services;
    private final HistoryReader reader = new HistoryReader();

    private final ObservableList<RunChoice> bases = FXCollections.observableArrayList();
    private final ObservableList<RunChoice> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<RunChoice> base = new SimpleObjectProperty<>(this, "base");
    private final ObjectProperty<RunChoice> candidate = new SimpleObjectProperty<>(this, "candidate");
    private final BooleanProperty regressionsOnly = new SimpleBooleanProperty(this, "regressionsOnly", false);
    private final ObservableList<ComparisonLine> allLines = FXCollections.observableArrayList();
    private final ObservableList<ComparisonLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ComparisonLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<ComparisonLine> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GateReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Compared> compared = new ReadOnlyObjectWrapper<>(this, "compared");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private boolean updatingChoices;
    private boolean stale;
    private int generation;

    /**
     * Both sides of a finished comparison, for the distributions and the approval.
     *
     * @param base          the base's results
     * @param candidate     the candidate's results
     * @param candidateRun  the candidate as a run (for approving), if it is one of the history
     * @param candidateFile the candidate results file, if it is one
     */
    public record Compared(List<BenchmarkResult> base, List<BenchmarkResult> candidate, Optional<Run> candidateRun,
                           Optional<ResultsFile> candidateFile) {
        public Compared {
            base = List.copyOf(base);
            candidate = List.copyOf(candidate);
        }
    }

    public CompareViewModel(ReadOnlyObjectProperty<Workspace> workspace, AnalyzerServices services) {
        this.workspace = workspace;
        this.services = services;
        workspace.addListener((obs, old, now) -> rebuildChoices());
        base.addListener((obs, old, now) -> compareIfReady());
        candidate.addListener((obs, old, now) -> compareIfReady());
        regressionsOnly.addListener((obs, old, now) -> filter());
        active.addListener((obs, old, now) -> {
            if (now && stale) {
                compareIfReady();
            }
        });
        rebuildChoices();
    }

    /** What can be the base: the baseline, then runs and files. */
    public ObservableList<RunChoice> bases() {
        return bases;
    }

    /** What can be the candidate: history runs (newest first) and results files (newest first). */
    public ObservableList<RunChoice> candidates() {
        return candidates;
    }

    public ObjectProperty<RunChoice> baseProperty() {
        return base;
    }

    public ObjectProperty<RunChoice> candidateProperty() {
        return candidate;
    }

    /**
     * Whether the comparison is wanted now (the Compare tab, or a tab that uses it, is shown). While
     * false, changes are remembered and compared on activation, so that opening a large project
     * does not also read and compare a run the user has not asked to see.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Whether the table shows only regressions. */
    public BooleanProperty regressionsOnlyProperty() {
        return regressionsOnly;
    }

    /** The table's rows (filtered). */
    public ObservableList<ComparisonLine> lines() {
        return linesView;
    }

    /** The rows the user selected; the view keeps it in step with the table. */
    public ObservableList<ComparisonLine> selection() {
        return selection;
    }

    /** The last comparison's report; null before one. */
    public ReadOnlyObjectProperty<GateReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The last comparison's inputs; null before one. */
    public ReadOnlyObjectProperty<Compared> comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    /** The console report's summary line, e.g. {@code perf-gate: REGRESSION - 1 regression, ...}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Fingerprint differences, the advisory note and the notes of inconclusive verdicts, one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Why there is no table, and what to do; empty while a table is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void rebuildChoices() {
        Workspace ws = workspace.get();
        List<RunChoice> runs = new ArrayList<>();
        for (int i = ws.resultFiles().size() - 1; i >= 0; i--) {
            runs.add(new RunChoice.ResultsChoice(ws.resultFiles().get(i)));
        }
        ws.history().ifPresent(h -> {
            for (int i = h.runs().size() - 1; i >= 0; i--) {
                runs.add(new RunChoice.HistoryRun(h.file(), h.runs().get(i)));
            }
        });
        List<RunChoice> baseChoices = new ArrayList<>();
        ws.baseline().ifPresent(b -> baseChoices.add(new RunChoice.BaselineChoice(b)));
        baseChoices.addAll(runs);
        updatingChoices = true;
        try {
            candidates.setAll(runs);
            bases.setAll(baseChoices);
            RunChoice newest = runs.isEmpty() ? null : runs.get(0);
            candidate.set(newest);
            base.set(baseChoices.stream().filter(choice -> !choice.equals(newest)).findFirst().orElse(null));
        } finally {
            updatingChoices = false;
        }
        compareIfReady();
    }

    /** Chooses the newest results file, or else the latest run, as candidate and the baseline as base. */
    public void compareLatestWithBaseline() {
        rebuildChoices();
    }

    private void compareIfReady() {
        if (updatingChoices) {
            return;
        }
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        RunChoice b = base.get();
        RunChoice c = candidate.get();
        int asked = ++generation;
        if (workspace.get().isEmpty()) {
            clear("Open a project (Ctrl+O) to compare its latest run with the baseline, or open two JMH results "
                    + "files (File > Open File) to compare them.");
            return;
        }
        if (c == null || b == null) {
            clear("Nothing to compare yet: open a results file (File > Open File) or a project with a history, and "
                    + "choose a base and a current run above.");
            return;
        }
        if (b.equals(c)) {
            clear("Base and current are the same run: choose another base.");
            return;
        }
        Workspace ws = workspace.get();
        services.runner().run("Comparing", () -> compare(ws, b, c), result -> {
            if (asked == generation) {
                show(result.report(), result.compared());
            }
        }, failure -> {
            if (asked == generation) {
                clear("The comparison failed: " + failure.getMessage());
                services.dialogs().showError("Cannot compare", failure.getMessage());
            }
        });
    }

    private record Result(GateReport report, Compared compared) {
    }

    /** One side of a comparison; {@code host} is null where the results do not say which host measured them. */
    private record Side(List<BenchmarkResult> results, Fingerprint fingerprint, HostIdentity host, Optional<Run> run,
                        Optional<ResultsFile> file) {
    }

    private Result compare(Workspace ws, RunChoice b, RunChoice c) throws InputException {
        boolean againstBaseline = b instanceof RunChoice.BaselineChoice;
        Side cur = load(c, againstBaseline, ws);
        String platform = ws.platform().map(Object::toString).orElse("");
        Gate gate = new Gate(GatePolicy.DEFAULT);
        GateReport out;
        List<BenchmarkResult> baseResults;
        if (b instanceof RunChoice.BaselineChoice choice) {
            Baseline baseline = choice.baseline();
            baseResults = baseline.asResults();
            out = gate.compare(baseResults, cur.results(), baseline.thresholds(), baseline.noise());
            Fingerprint fb = baseline.fingerprint();
            out = out.withContext(platform, cur.fingerprint().differencesFrom(fb), HostIdentity.advisoryReason(
                    cur.host(), cur.fingerprint(), baseline.host(), fb, "the baseline"));
        } else {
            Side ref = load(b, false, ws);
            baseResults = ref.results();
            out = gate.compare(baseResults, cur.results(), Map.of());
            out = out.withContext(platform, cur.fingerprint().differencesFrom(ref.fingerprint()),
                    HostIdentity.advisoryReason(cur.host(), cur.fingerprint(), ref.host(), ref.fingerprint(), "the base"));
        }
        return new Result(out, new Compared(baseResults, cur.results(), cur.run(), cur.file()));
    }

    private Side load(RunChoice choice, boolean againstBaseline, Workspace ws) throws InputException {
        if (choice instanceof RunChoice.HistoryRun h) {
            Run run = reader.readRun(h.file(), h.run());
            return new Side(run.results(), run.fingerprint(), run.host(), Optional.of(run), Optional.empty());
        }
        if (choice instanceof RunChoice.ResultsChoice r) {
            List<BenchmarkResult> results = r.file().results();
            RunSettings settings = results.isEmpty() ? RunSettings.UNKNOWN : results.get(0).settings();
            // Against a baseline the results were measured on this machine (as perf-gate check
            // assumes); against another file only the JVM is known (as perf-gate compare does).
            Fingerprint fingerprint = againstBaseline ? services.detector().fingerprint(settings)
                    : new Fingerprint("", 0, settings.vmName(), settings.jdkVersion(), settings.jvmArgs(), "", "");
            // The host file perf-gate run writes beside its results says which host measured them.
            HostIdentity host = ws.platform().isPresent() ? HostFile.hostOf(r.file().file(), ws.platform().get()) : null;
            return new Side(results, fingerprint, host, Optional.empty(), Optional.of(r.file()));
        }
        throw new IllegalArgumentException("the baseline cannot be the current side of a comparison");
    }

    private void show(GateReport newReport, Compared inputs) {
        report.set(newReport);
        compared.set(inputs);
        List<ComparisonLine> rows = new ArrayList<>();
        boolean mixed = ReportLabels.mixesModes(newReport);
        String prefix = ReportLabels.commonPackage(newReport);
        for (ComparisonRow row : newReport.rows()) {
            String label = mixed ? row.id().displayWithMode() : row.id().display();
            rows.add(new ComparisonLine(row, label.startsWith(prefix) ? label.substring(prefix.length()) : label));
        }
        allLines.setAll(rows);
        filter();
        summary.set(ConsoleReport.summary(newReport));
        List<String> noteLines = new ArrayList<>();
        newReport.fingerprintNotes().forEach(n -> noteLines.add("Different machine or JVM than the base: " + n));
        if (newReport.advisory()) {
            noteLines.add(newReport.advisoryReason() + ": verdicts are advisory (perf-gate check would not fail "
                    + "the build).");
        }
        notes.set(String.join("\n", noteLines));
        message.set(rows.isEmpty() ? "The two sides have no benchmark in common." : "");
    }

    private void clear(String why) {
        report.set(null);
        compared.set(null);
        allLines.clear();
        lines.clear();
        summary.set("");
        notes.set("");
        message.set(why);
    }

    private void filter() {
        lines.setAll(regressionsOnly.get()
                ? allLines.stream().filter(l -> l.verdict().failsGate()).toList() : allLines);
    }
}
