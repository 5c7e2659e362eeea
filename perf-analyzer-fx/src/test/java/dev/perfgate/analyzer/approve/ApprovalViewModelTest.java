package dev.perfgate.analyzer.approve;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.MainViewModel;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.TestServices;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineCodec;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.history.HistoryRecord;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Measurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static dev.perfgate.core.fixtures.ProjectFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalViewModelTest {

    private static final int RUNS = 6;

    @TempDir
    Path dir;

    private final FakeDialogService dialogs = new FakeDialogService();
    private TestServices services;
    private MainViewModel main;

    @BeforeEach
    void setUp() {
        services = new TestServices(dialogs, BackgroundRunner.direct());
        main = new MainViewModel(services.services);
        ProjectFixtures.project(dir, RUNS, RUNS - 1);
        main.open(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    private Path baselineFile() {
        return new BaselineStore(dir).path(PLATFORM);
    }

    private Path historyFile() {
        return dir.resolve("history").resolve(PLATFORM + ".jsonl");
    }

    private void select(BenchmarkId id) {
        List<ComparisonLine> rows = main.compare().lines().stream().filter(l -> l.id().equals(id)).toList();
        main.compare().selection().setAll(rows);
    }

    /**
     * The baseline with {@code id}'s entry, the timestamp and the fingerprint put back as they were
     * in {@code before}, written by perf-core's codec: equal to {@code before}'s text when nothing
     * else changed.
     */
    private static String undo(Baseline after, Baseline before, BenchmarkId id) {
        List<BaselineEntry> entries = after.entries().stream()
                .map(e -> e.id().equals(id) ? before.find(id).orElseThrow() : e).toList();
        return new BaselineCodec().write(BaselineFile.of(new Baseline(after.platform(), after.host(),
                before.fingerprint(), before.timestamp(), entries)));
    }

    @Test
    void approvingOneBenchmarkChangesExactlyItsEntryInTheBaselineFile() throws Exception {
        String before = Files.readString(baselineFile());
        Baseline old = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        select(ProjectFixtures.REGRESSING);
        dialogs.texts.add("summing boxed longs now, 40% slower by design");
        dialogs.confirmations.add(true);

        main.approval().approveSelected();

        Baseline now = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        assertThat(undo(now, old, ProjectFixtures.REGRESSING)).isEqualTo(before);
        BaselineEntry approved = now.find(ProjectFixtures.REGRESSING).orElseThrow();
        assertThat(approved.primary().score()).isGreaterThan(old.find(ProjectFixtures.REGRESSING).orElseThrow()
                .primary().score() * 1.3);
        assertThat(approved.approval().reason()).isEqualTo("summing boxed longs now, 40% slower by design");
        assertThat(approved.approval().runId()).isEqualTo("run-00005");
        assertThat(dialogs.diffs).singleElement().satisfies(diff -> assertThat(diff)
                .startsWith("--- a/baselines/linux-x86_64.json\n+++ b/baselines/linux-x86_64.json\n")
                .contains("\n+      \"score\" : ", "\n-      \"score\" : "));
        assertThat(dialogs.of("information")).last().satisfies(i -> assertThat(i.text())
                .contains("git diff baselines/linux-x86_64.json", "commit"));
        List<HistoryRecord> history = new HistoryStore(dir, Clock.systemUTC()).readAll(PLATFORM);
        assertThat(history.get(history.size() - 1)).isInstanceOfSatisfying(HistoryRecord.ApprovalRecord.class,
                a -> assertThat(a.benchmarks()).containsExactly(ProjectFixtures.REGRESSING));
        assertThat(main.workspaceProperty().get().baseline()).contains(now);
    }

    @Test
    void cancellingTheDiffDialogLeavesBaselineAndHistoryByteIdentical() throws Exception {
        byte[] baseline = Files.readAllBytes(baselineFile());
        byte[] history = Files.readAllBytes(historyFile());
        select(ProjectFixtures.REGRESSING);
        dialogs.texts.add("a reason");
        dialogs.confirmations.add(false);

        main.approval().approveSelected();

        assertThat(dialogs.diffs).hasSize(1);
        assertThat(Files.readAllBytes(baselineFile())).isEqualTo(baseline);
        assertThat(Files.readAllBytes(historyFile())).isEqualTo(history);
        assertThat(main.approval().statusProperty().get()).contains("cancelled", "nothing written");
    }

    @Test
    void cancellingTheReasonShowsNoDiffAndWritesNothing() throws Exception {
        byte[] baseline = Files.readAllBytes(baselineFile());
        select(ProjectFixtures.REGRESSING);

        main.approval().approveSelected();

        assertThat(dialogs.diffs).isEmpty();
        assertThat(Files.readAllBytes(baselineFile())).isEqualTo(baseline);
    }

    @Test
    void showsTheNoiseWarningsOfNoisyBenchmarks() {
        BenchmarkId noisy = main.workspaceProperty().get().benchmarks().get(0);
        select(noisy);
        dialogs.texts.add("a reason");
        dialogs.confirmations.add(false);

        main.approval().approveSelected();

        assertThat(dialogs.warnings).singleElement().satisfies(w -> assertThat(w).singleElement()
                .satisfies(text -> assertThat(text).startsWith(noisy.display() + ": fork-to-fork variation")
                        .endsWith("exceeds 5%")));
    }

    /** The latest run with warm-up planted in the first iteration of one fork of the regressing benchmark. */
    @Test
    void warnsOfABenchmarkWhoseIterationsHadNotSettled() throws Exception {
        List<BenchmarkResult> results = ProjectFixtures.resultsOf(RUNS, RUNS - 1).stream()
                .map(r -> r.id().equals(ProjectFixtures.REGRESSING) ? withWarmup(r) : r).toList();
        new HistoryStore(dir, Clock.systemUTC()).append(PLATFORM,
                new HistoryRecord.RunRecord(ProjectFixtures.run(RUNS, results)));
        main.open(dir);
        select(ProjectFixtures.REGRESSING);
        dialogs.texts.add("a reason");
        dialogs.confirmations.add(false);

        main.approval().approveSelected();

        assertThat(dialogs.warnings).singleElement().satisfies(w -> assertThat(w).anySatisfy(text -> assertThat(text)
                .startsWith(ProjectFixtures.REGRESSING.display() + ": not settled: fork 2's first measured iteration "
                        + "is ").contains("x the median of its other iterations", "warm-up iteration")));
    }

    private static BenchmarkResult withWarmup(BenchmarkResult result) {
        List<List<Double>> forks = new ArrayList<>(result.primary().forks());
        List<Double> second = new ArrayList<>(forks.get(1));
        second.set(0, second.get(0) * 1000);
        forks.set(1, second);
        Measurement m = result.primary();
        return new BenchmarkResult(result.id(), new Measurement(m.unit(), m.score(), m.scoreError(), forks),
                result.secondary(), result.settings());
    }

    @Test
    void withoutASelectionSaysWhatToSelect() {
        main.approval().approveSelected();

        assertThat(dialogs.of("information")).singleElement()
                .satisfies(i -> assertThat(i.text()).contains("Select the benchmarks"));
        assertThat(dialogs.of("text")).isEmpty();
    }
}
