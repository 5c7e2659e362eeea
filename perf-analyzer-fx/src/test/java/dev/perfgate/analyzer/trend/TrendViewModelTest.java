package dev.perfgate.analyzer.trend;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.MainViewModel;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.TestServices;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.model.BenchmarkId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendViewModelTest {

    @TempDir
    Path dir;

    private TestServices services;
    private MainViewModel main;
    private TrendViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(new FakeDialogService(), BackgroundRunner.direct());
        main = new MainViewModel(services.services);
        model = main.trends();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    private void open(int runs, int stepAt) {
        ProjectFixtures.project(dir, runs, stepAt);
        main.open(dir);
    }

    @Test
    void saysWhatToDoBeforeAnythingIsOpen() {
        assertThat(model.plotProperty().get()).isNull();
        assertThat(model.messageProperty().get()).contains("Open a project", "Ctrl+O");
    }

    @Test
    void groupsBenchmarksByClass() {
        open(3, 99);

        assertThat(model.groups()).extracting(BenchmarkGroup::simpleName)
                .containsExactly("AllocBenchmark", "ParamsBenchmark");
        assertThat(model.groups().get(1).benchmarks()).hasSize(4);
        assertThat(BenchmarkGroup.leafLabel(ProjectFixtures.REGRESSING)).isEqualTo("sum[size=100,variant=a] (avgt)");
    }

    @Test
    void filterKeepsBenchmarksContainingEveryWord() {
        open(3, 99);

        model.filterProperty().set("params  SIZE=100 variant=b");

        assertThat(model.groups()).singleElement().satisfies(g ->
                assertThat(g.benchmarks()).extracting(BenchmarkId::paramsText).containsExactly("size=100,variant=b"));
    }

    @Test
    void selectingABenchmarkPlotsEveryRunWithBaselineAndBand() {
        open(12, 99);

        model.selected().setAll(ProjectFixtures.REGRESSING);

        TrendPlot plot = model.plotProperty().get();
        assertThat(plot.series()).singleElement().satisfies(s -> assertThat(s.points()).hasSize(12));
        double baseline = main.workspaceProperty().get().baseline().orElseThrow().find(ProjectFixtures.REGRESSING)
                .orElseThrow().primary().score();
        assertThat(plot.baseline()).isEqualTo(baseline);
        assertThat(plot.bandLow()).isCloseTo(baseline * 0.95, within(1e-9));
        assertThat(plot.bandHigh()).isCloseTo(baseline * 1.05, within(1e-9));
        assertThat(plot.yLabel()).isEqualTo("ns/op");
        assertThat(plot.series().get(0).points().get(3).tooltip().get()).contains("run-00003", "commit c000000000",
                "2026-10-01 11:00 UTC");
        assertThat(plot.series().get(0).points().get(3).errHigh()).isGreaterThan(plot.series().get(0).points().get(3).y());
    }

    @Test
    void marksTheChangePointAndTheApproval() {
        open(16, 9);

        model.selected().setAll(ProjectFixtures.REGRESSING);

        TrendPlot plot = model.plotProperty().get();
        assertThat(plot.markers()).filteredOn(m -> m.kind() == TrendPlot.MarkerKind.CHANGE_POINT)
                .singleElement().satisfies(m -> {
                    assertThat(m.x()).isEqualTo(ProjectFixtures.START.plusSeconds(9 * 3600).toEpochMilli());
                    // The fixture steps by 40%; the label gives the change of the mean, +39.x% or +40.x% with the noise.
                    assertThat(m.label()).contains("run-00009", "mean").containsPattern("\\(\\+(39|40)\\.\\d%\\)");
                });
        assertThat(plot.markers()).filteredOn(m -> m.kind() == TrendPlot.MarkerKind.APPROVAL)
                .singleElement().satisfies(m -> assertThat(m.label()).contains("fixture", "first baseline"));
        assertThat(model.summaryProperty().get()).contains("16 runs", "1 change point", "baseline");
    }

    @Test
    void runsOfTwoHostClassesAreTwoLinesEachWithItsOwnChangePoint() {
        ProjectFixtures.twoHostClasses(dir, 24, 12);
        main.open(dir);

        model.selected().setAll(ProjectFixtures.REGRESSING);

        TrendPlot plot = model.plotProperty().get();
        assertThat(plot.series()).hasSize(2).allSatisfy(s -> assertThat(s.points()).hasSize(12));
        assertThat(plot.title()).isEqualTo(ProjectFixtures.REGRESSING.displayWithMode());
        assertThat(plot.series()).extracting(TrendPlot.Series::name).containsExactly(ProjectFixtures.AVX2.label(),
                ProjectFixtures.AVX512.label());
        assertThat(plot.normalized()).isFalse();
        // Each class steps at run 12 (AVX2) or 13 (its first run after the step): a change point on each line.
        assertThat(plot.markers()).filteredOn(m -> m.kind() == TrendPlot.MarkerKind.CHANGE_POINT)
                .extracting(TrendPlot.Marker::label).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("on " + ProjectFixtures.AVX2.label(), "run-00012"))
                .anySatisfy(l -> assertThat(l).contains("on " + ProjectFixtures.AVX512.label(), "run-00013"))
                .noneSatisfy(l -> assertThat(l).contains("environment change"));
        assertThat(model.summaryProperty().get()).contains("24 runs", "2 host classes, one line each",
                "2 change points");
    }

    @Test
    void aChangePointAtAJdkUpdateIsLabelledAsAnEnvironmentChange() {
        ProjectFixtures.jdkUpdatedAt(dir, 16, 9);
        main.open(dir);

        model.selected().setAll(ProjectFixtures.REGRESSING);

        assertThat(model.plotProperty().get().markers()).filteredOn(m -> m.kind() == TrendPlot.MarkerKind.CHANGE_POINT)
                .singleElement().satisfies(m -> assertThat(m.label()).contains("run-00009",
                        "an environment change, not necessarily the code's: JDK build 17.0.15+6 -> 17.0.16+8"));
    }

    @Test
    void severalBenchmarksAreOverlaidAsRatiosToTheirBaselines() {
        open(10, 5);
        List<BenchmarkId> two = main.workspaceProperty().get().benchmarks().subList(3, 5);

        model.selected().setAll(two);

        TrendPlot plot = model.plotProperty().get();
        assertThat(plot.normalized()).isTrue();
        assertThat(plot.baseline()).isEqualTo(1.0);
        assertThat(plot.yLabel()).isEqualTo("ratio to baseline");
        assertThat(plot.series()).hasSize(2);
        TrendPlot.Series regressing = plot.series().stream().filter(s -> s.id().equals(ProjectFixtures.REGRESSING))
                .findFirst().orElseThrow();
        assertThat(regressing.points().get(0).y()).isCloseTo(1.0, within(0.01));
        assertThat(regressing.points().get(9).y()).isCloseTo(1.4, within(0.02));
    }

    @Test
    void zoomingShowsPartOfTheHistoryAndResetShowsAll() {
        open(40, 99);
        model.selected().setAll(ProjectFixtures.REGRESSING);
        TrendPlot full = model.plotProperty().get();

        model.zoomIn();
        model.zoomIn();

        TrendPlot zoomed = model.plotProperty().get();
        assertThat(zoomed.xTo() - zoomed.xFrom()).isCloseTo((full.xTo() - full.xFrom()) / 4, within(1.0));
        assertThat(zoomed.series().get(0).totalPoints()).isLessThan(15);
        model.pan(-10);
        assertThat(model.plotProperty().get().xFrom()).isEqualTo(full.xFrom());
        model.resetZoom();
        assertThat(model.plotProperty().get().xFrom()).isEqualTo(full.xFrom());
        assertThat(model.isZoomed()).isFalse();
    }

    @Test
    void downsamplesLongHistoriesToTheMaximumPointCount() {
        open(60, 30);
        model.maxPointsProperty().set(20);

        model.selected().setAll(ProjectFixtures.REGRESSING);

        TrendPlot.Series s = model.plotProperty().get().series().get(0);
        assertThat(s.points()).hasSize(20);
        assertThat(s.totalPoints()).isEqualTo(60);
    }
}
