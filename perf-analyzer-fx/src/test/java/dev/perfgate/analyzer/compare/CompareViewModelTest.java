package dev.perfgate.analyzer.compare;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.MainViewModel;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.TestServices;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineCodec;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.baseline.BaselineEntry;
import dev.perfgate.core.baseline.BaselineStore;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.report.ConsoleReport;
import dev.perfgate.core.stats.GatePolicy;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.perfgate.core.fixtures.ProjectFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

class CompareViewModelTest {

    private static final int RUNS = 6;

    @TempDir
    Path dir;

    private TestServices services;
    private MainViewModel main;
    private CompareViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(new FakeDialogService(), BackgroundRunner.direct());
        main = new MainViewModel(services.services);
        model = main.compare();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    /** The console report's table rows as their non-empty cells. */
    private static List<List<String>> consoleRows(GateReport report) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = ConsoleReport.render(report).lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Benchmark ")).findFirst().orElseThrow());
        for (int i = header + 1; i <= header + report.rows().size(); i++) {
            rows.add(Arrays.stream(lines.get(i).split("\\s{2,}")).filter(c -> !c.isBlank()).toList());
        }
        return rows;
    }

    private static List<List<String>> tableRows(List<ComparisonLine> lines) {
        return lines.stream().map(l -> List.of(l.consoleLabel(), l.unit(), l.baselineText(), l.currentText(),
                l.changeText(), l.intervalText(), l.pText(), l.verdictText()).stream()
                .filter(c -> !c.isBlank()).toList()).toList();
    }

    @Test
    void comparesTheLatestRunWithTheBaselineExactlyAsPerfGateCheckPrints() throws Exception {
        ProjectFixtures.project(dir, RUNS, RUNS - 1);

        main.open(dir);

        Baseline baseline = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        Run latest = ProjectFixtures.regressedRun(RUNS);
        GateReport expected = new Gate(GatePolicy.DEFAULT).compare(baseline.asResults(), latest.results(),
                baseline.thresholds()).withContext(PLATFORM.toString(), List.of(), "");
        assertThat(model.candidateProperty().get().label()).contains("run-00005");
        assertThat(model.baseProperty().get()).isInstanceOf(RunChoice.BaselineChoice.class);
        assertThat(tableRows(model.lines())).isEqualTo(consoleRows(expected));
        assertThat(model.summaryProperty().get()).isEqualTo(ConsoleReport.summary(expected))
                .startsWith("perf-gate: REGRESSION - 1 regression");
        assertThat(model.lines()).filteredOn(l -> l.verdict() == Verdict.REGRESSION).singleElement()
                .satisfies(l -> {
                    assertThat(l.id()).isEqualTo(ProjectFixtures.REGRESSING);
                    assertThat(l.label()).isEqualTo("ParamsBenchmark.sum[size=100,variant=a]");
                    assertThat(l.changeText()).matches("\\+(39|40)\\.\\d%");
                });
    }

    private static RunChoice choice(List<RunChoice> choices, String label) {
        return choices.stream().filter(c -> c.label().contains(label)).findFirst().orElseThrow();
    }

    @Test
    void runsOfTwoHostClassesGiveAdviceNamingWhatDiffersAndRunsOfOneClassAVerdict() {
        ProjectFixtures.twoHostClasses(dir, 4, 99);
        main.open(dir);

        model.candidateProperty().set(choice(model.candidates(), "run-00003"));
        model.baseProperty().set(choice(model.bases(), "run-00002"));
        GateReport acrossClasses = model.reportProperty().get();
        String notes = model.notesProperty().get();
        model.baseProperty().set(choice(model.bases(), "run-00001"));
        GateReport oneClass = model.reportProperty().get();

        // Runs 1 and 3 are AVX-512, run 2 AVX2 (ProjectFixtures.twoHostClasses).
        assertThat(acrossClasses.advisory()).isTrue();
        assertThat(acrossClasses.advisoryReason()).isEqualTo("measured on different host classes: avx512f here, not "
                + "in the base; vector width 512 bits here, 256 bits in the base");
        assertThat(notes).contains("verdicts are advisory");
        assertThat(oneClass.advisory()).isFalse();
    }

    @Test
    void regressionsOnlyHidesEveryOtherRow() {
        ProjectFixtures.project(dir, RUNS, RUNS - 1);
        main.open(dir);
        assertThat(model.lines()).hasSizeGreaterThan(5);

        model.regressionsOnlyProperty().set(true);

        assertThat(model.lines()).singleElement().satisfies(l -> assertThat(l.verdict()).isEqualTo(Verdict.REGRESSION));
        model.regressionsOnlyProperty().set(false);
        assertThat(model.lines()).hasSizeGreaterThan(5);
    }

    @Test
    void appliesTheBaselinesPerBenchmarkThreshold() throws Exception {
        ProjectFixtures.project(dir, RUNS, RUNS - 1);
        Baseline b = new BaselineStore(dir).read(PLATFORM).orElseThrow().sets().get(0);
        List<BaselineEntry> entries = b.entries().stream().map(e -> e.id().equals(ProjectFixtures.REGRESSING)
                ? new BaselineEntry(e.id(), e.primary(), e.allocation(), 60.0, e.approval()) : e).toList();
        Files.writeString(new BaselineStore(dir).path(PLATFORM), new BaselineCodec().write(
                BaselineFile.of(new Baseline(b.platform(), b.host(), b.fingerprint(), b.timestamp(), entries))));

        main.open(dir);

        assertThat(model.lines()).filteredOn(l -> l.id().equals(ProjectFixtures.REGRESSING) && l.row().isPrimary())
                .singleElement().satisfies(l -> {
                    assertThat(l.verdict()).isNotEqualTo(Verdict.REGRESSION);
                    assertThat(l.row().thresholdPct()).isEqualTo(60.0);
                });
    }

    @Test
    void comparesTwoRunsOfTheHistoryWithoutBaselineThresholds() throws Exception {
        ProjectFixtures.project(dir, RUNS, RUNS - 1);
        main.open(dir);

        model.baseProperty().set(model.bases().stream().filter(c -> c.label().contains("run-00002")).findFirst()
                .orElseThrow());

        List<BenchmarkResult> base = ProjectFixtures.run(2, ProjectFixtures.resultsOf(2, RUNS - 1)).results();
        GateReport expected = new Gate(GatePolicy.DEFAULT).compare(base, ProjectFixtures.regressedRun(RUNS).results(),
                Map.of()).withContext(PLATFORM.toString(), List.of(), "");
        assertThat(tableRows(model.lines())).isEqualTo(consoleRows(expected));
    }

    @Test
    void comparesTwoResultsFilesAsPerfGateCompareDoes() throws Exception {
        Path a = ProjectFixtures.copyJmh("gc-params-forks.json", Files.createDirectory(dir.resolve("a")));
        Path b = ProjectFixtures.copyJmh("gc-params-forks.json", Files.createDirectory(dir.resolve("b")));

        main.open(a);
        main.open(b);

        List<BenchmarkResult> results = ProjectFixtures.jmh("gc-params-forks.json");
        GateReport expected = new Gate(GatePolicy.DEFAULT).compare(results, results, Map.of())
                .withContext("", List.of(), "");
        assertThat(model.candidateProperty().get().label()).contains("gc-params-forks.json");
        assertThat(tableRows(model.lines())).isEqualTo(consoleRows(expected));
        assertThat(model.summaryProperty().get()).isEqualTo(ConsoleReport.summary(expected));
    }

    @Test
    void explainsWhatToDoWhenThereIsNothingToCompare() {
        assertThat(model.messageProperty().get()).contains("Open a project");
        assertThat(model.lines()).isEmpty();
    }
}
