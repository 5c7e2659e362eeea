package dev.perfgate.analyzer.distribution;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.MainViewModel;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.TestServices;
import dev.perfgate.analyzer.compare.ComparisonLine;
import dev.perfgate.analyzer.compare.RunChoice;
import dev.perfgate.core.history.HistoryCompactor;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.model.BenchmarkResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DistributionViewModelTest {

    @TempDir
    Path dir;

    private TestServices services;
    private MainViewModel main;
    private DistributionViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(new FakeDialogService(), BackgroundRunner.direct());
        main = new MainViewModel(services.services);
        model = main.distributions();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    private ComparisonLine row(String metric) {
        return main.compare().lines().stream().filter(l -> l.id().equals(ProjectFixtures.REGRESSING)
                && l.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void asksForASelectionUntilARowIsSelected() {
        ProjectFixtures.project(dir, 4, 3);
        main.open(dir);

        assertThat(model.plotProperty().get()).isNull();
        assertThat(model.messageProperty().get()).contains("Select a benchmark in the Compare tab");
    }

    @Test
    void showsEveryForkAndIterationOfBothSides() {
        ProjectFixtures.project(dir, 4, 3);
        main.open(dir);

        main.compare().selection().setAll(row("primary"));

        DistributionPlot plot = model.plotProperty().get();
        assertThat(plot.forks(DistributionPlot.Side.BASE)).hasSize(9)
                .allSatisfy(f -> assertThat(f.iterations()).hasSize(3));
        assertThat(plot.forks(DistributionPlot.Side.CURRENT)).hasSize(9);
        BenchmarkResult real = ProjectFixtures.jmh("gc-params-forks.json").stream()
                .filter(r -> r.id().equals(ProjectFixtures.REGRESSING)).findFirst().orElseThrow();
        double firstForkMean = real.primary().forkMeans()[0];
        double wobble0 = 1 + 0.004 * Math.sin(0);
        double wobble3 = 1 + 0.004 * Math.sin(3);
        assertThat(plot.forks(DistributionPlot.Side.BASE).get(0).mean()).isCloseTo(firstForkMean * wobble0,
                within(1e-3));
        assertThat(plot.forks(DistributionPlot.Side.CURRENT).get(0).mean()).isCloseTo(
                firstForkMean * wobble3 * ProjectFixtures.STEP, within(1e-3));
        assertThat(plot.unit()).isEqualTo("ns/op");
        assertThat(plot.summary()).hasSize(2).first().asString().startsWith("baseline: 9 forks x 3 iterations");
    }

    @Test
    void showsTheAllocationMetricOfAnAllocationRow() {
        ProjectFixtures.project(dir, 4, 3);
        main.open(dir);

        main.compare().selection().setAll(row("gc.alloc.rate.norm"));

        assertThat(model.plotProperty().get().unit()).isEqualTo("B/op");
        assertThat(model.plotProperty().get().title()).endsWith("\u00b7 gc.alloc.rate.norm");
    }

    @Test
    void aCompactedHistoryRunSaysItsSamplesWereDroppedWithItsCountsScoreAndError() throws Exception {
        ProjectFixtures.project(dir, 6, 99);
        HistoryStore store = new HistoryStore(dir, Clock.systemUTC());
        // Runs 1 to 4 lose their samples; run 0 (approved) and run 5 (the newest) keep them.
        HistoryCompactor.Outcome outcome = new HistoryCompactor(store, Clock.systemUTC()).compact(
                store.path(ProjectFixtures.PLATFORM), ProjectFixtures.PLATFORM, HistoryCompactor.KeepSamples.runs(1),
                Set.of());
        assertThat(outcome.compacted()).isEqualTo(4);
        main.open(dir);
        main.compare().candidateProperty().set(choice(main.compare().candidates(), ProjectFixtures.runId(5)));
        main.compare().baseProperty().set(choice(main.compare().bases(), ProjectFixtures.runId(2)));

        main.compare().selection().setAll(row("primary"));

        // The current side's forks are drawn; the compacted base says what it still has.
        DistributionPlot plot = model.plotProperty().get();
        assertThat(plot.forks(DistributionPlot.Side.BASE)).isEmpty();
        assertThat(plot.forks(DistributionPlot.Side.CURRENT)).hasSize(9);
        assertThat(plot.summary()).hasSize(2);
        assertThat(plot.summary().get(0)).matches("baseline: compacted run, per-fork samples dropped; 9 forks x 3 "
                + "iterations, score [0-9.]+ \u00b1 [0-9.]+ ns/op");

        main.compare().candidateProperty().set(choice(main.compare().candidates(), ProjectFixtures.runId(3)));
        main.compare().selection().setAll(row("gc.alloc.rate.norm"));

        assertThat(model.plotProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("No per-fork samples for ")
                .contains(": baseline: compacted run, per-fork samples dropped; 9 forks x 3 iterations, score ",
                        "; current: compacted run, per-fork samples dropped; 9 forks x 3 iterations, score ")
                .contains(" B/op").doesNotContain("old baseline");
    }

    private static RunChoice choice(List<RunChoice> choices, String label) {
        return choices.stream().filter(c -> c.label().contains(label)).findFirst().orElseThrow();
    }

    @Test
    void tukeyFencesFlagAForkFarFromTheOthers() {
        double[] fences = DistributionViewModel.tukeyFences(new double[] {10, 10.2, 9.9, 10.1, 10, 14});

        assertThat(fences[0]).isLessThan(9.9);
        assertThat(fences[1]).isBetween(10.2, 14.0);
        assertThat(DistributionViewModel.tukeyFences(new double[] {1, 2, 30})[1]).isInfinite();
    }
}
