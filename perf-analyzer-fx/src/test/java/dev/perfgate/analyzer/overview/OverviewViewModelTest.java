package dev.perfgate.analyzer.overview;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.MainViewModel;
import dev.perfgate.analyzer.TestServices;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.stats.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewViewModelTest {

    @TempDir
    Path dir;

    private TestServices services;
    private MainViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(new FakeDialogService(), BackgroundRunner.direct());
        model = new MainViewModel(services.services);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    @Test
    void theRegressionComesFirstWithItsChangeAndLastChangePoint() {
        model.open(ProjectFixtures.project(dir, 14, 8));

        OverviewViewModel.Line first = model.overview().lines().get(0);
        assertThat(first.id()).isEqualTo(ProjectFixtures.REGRESSING);
        assertThat(first.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(first.change()).startsWith("+").contains("[");
        assertThat(first.lastChange()).startsWith("+").contains("c000000000", "2026-10-01");
        assertThat(first.recent()).hasSize(14);
        assertThat(model.overview().lines().subList(1, model.overview().lines().size()))
                .extracting(OverviewViewModel.Line::verdict).doesNotContain(Verdict.REGRESSION);
        assertThat(model.overview().summaryProperty().get()).contains("run-00013", "1 regression");
    }

    @Test
    void withoutABaselineItShowsTrendsTheirHostClassesAndEnvironmentChanges() {
        model.open(ProjectFixtures.twoHostClasses(dir.resolve("fleet"), 24, 12));

        OverviewViewModel.Line line = model.overview().lines().stream()
                .filter(l -> l.id().equals(ProjectFixtures.REGRESSING)).findFirst().orElseThrow();
        assertThat(line.verdict()).isNull();
        assertThat(line.hosts()).contains("of 2 classes");
        assertThat(model.overview().summaryProperty().get()).isEqualTo("No baseline: trends only.");

        model.open(ProjectFixtures.jdkUpdatedAt(dir.resolve("jdk"), 24, 12));
        OverviewViewModel.Line updated = model.overview().lines().stream()
                .filter(l -> l.id().equals(ProjectFixtures.REGRESSING)).findFirst().orElseThrow();
        assertThat(updated.lastChange()).contains("JDK build 17.0.15+6 -> 17.0.16+8");
    }
}
