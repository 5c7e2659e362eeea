package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.model.PlatformKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final FakeDialogService dialogs = new FakeDialogService();
    private TestServices services;
    private MainViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(dialogs, BackgroundRunner.direct());
        model = new MainViewModel(services.services);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    @Test
    void openingAProjectShowsItsBaselineHistoryAndBenchmarks() {
        ProjectFixtures.project(dir, 6, 99);

        model.open(dir);

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.baseline()).isPresent();
        assertThat(ws.history().orElseThrow().runs()).hasSize(6);
        assertThat(ws.benchmarks()).hasSize(5);
        assertThat(model.platformProperty().get()).isEqualTo(ProjectFixtures.PLATFORM);
        assertThat(model.statusProperty().get()).contains("5 baseline benchmarks", "6 runs in the history");
        assertThat(dialogs.of("error")).isEmpty();
    }

    @Test
    void openingAProjectThroughTheDirectoryChooserRemembersIt() {
        ProjectFixtures.project(dir, 2, 99);
        dialogs.paths.add(dir);

        model.openProjectWithDialog();

        assertThat(model.recent()).containsExactly(dir.toAbsolutePath().normalize());
        assertThat(new MainViewModel(services.services).recent()).containsExactly(dir.toAbsolutePath().normalize());
    }

    @Test
    void cancellingTheChooserOpensNothing() {
        model.openProjectWithDialog();

        assertThat(model.workspaceProperty().get().isEmpty()).isTrue();
        assertThat(dialogs.of("error")).isEmpty();
    }

    @Test
    void aBadFileShowsTheInputExceptionMessageAndKeepsWhatWasOpen() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        model.open(dir);
        Workspace before = model.workspaceProperty().get();
        Path bad = Files.writeString(dir.resolve("results.json"), "[ {\"benchmark\": 3} ]");

        model.open(bad);

        assertThat(dialogs.of("error")).singleElement().satisfies(e -> {
            assertThat(e.text()).startsWith(bad.toString()).contains("$[0]");
            assertThat(e.title()).contains("results.json");
        });
        assertThat(model.workspaceProperty().get()).isSameAs(before);
    }

    @Test
    void aCorruptHistoryLineIsReportedWithItsLineNumber() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        Path history = dir.resolve("history").resolve("linux-x86_64.jsonl");
        Files.writeString(history, Files.readString(history).replaceFirst("\"type\":\"approval\"", "\"type\":7"));

        model.open(dir);

        assertThat(dialogs.of("error")).singleElement().satisfies(e ->
                assertThat(e.text()).isEqualTo(history + ": line 2, $.type: expected a string, found a number 7"));
    }

    @Test
    void openingResultsAddsThemToTheOpenProject() throws Exception {
        ProjectFixtures.project(dir, 2, 99);
        model.open(dir);
        Path results = ProjectFixtures.copyJmh("modes.json", Files.createDirectory(dir.resolve("out")));

        model.open(results);

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.projectDir()).contains(dir);
        assertThat(ws.resultFiles()).singleElement().satisfies(f -> assertThat(f.results()).hasSize(4));
        assertThat(ws.benchmarks()).hasSize(9);
    }

    @Test
    void openingALoneHistoryFileShowsItsTrends() throws Exception {
        ProjectFixtures.project(dir, 4, 99);
        Path lone = Files.copy(dir.resolve("history").resolve("linux-x86_64.jsonl"), dir.resolve("linux-x86_64.jsonl"));

        model.open(lone);

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.projectDir()).isEmpty();
        assertThat(ws.history().orElseThrow().runs()).hasSize(4);
        assertThat(ws.platform()).contains(ProjectFixtures.PLATFORM);
    }

    @Test
    void openingTheBaselineFileOpensItsProject() {
        ProjectFixtures.project(dir, 2, 99);

        model.open(dir.resolve("baselines").resolve("linux-x86_64.json"));

        assertThat(model.workspaceProperty().get().projectDir()).contains(dir.toAbsolutePath());
    }

    @Test
    void switchingThePlatformLoadsThatPlatformsFiles() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        Files.copy(dir.resolve("history").resolve("linux-x86_64.jsonl"), dir.resolve("history").resolve(
                "linux-aarch64.jsonl"));
        model.open(dir);
        assertThat(model.platforms()).containsExactly(PlatformKey.parse("linux-aarch64"), ProjectFixtures.PLATFORM);

        model.platformProperty().set(PlatformKey.parse("linux-aarch64"));

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.platform()).contains(PlatformKey.parse("linux-aarch64"));
        assertThat(ws.baseline()).isEmpty();
        assertThat(ws.history().orElseThrow().runs()).hasSize(3);
    }

    @Test
    void aDirectoryThatIsNoProjectIsRefusedWithAnExplanation() {
        model.open(dir);

        assertThat(dialogs.of("error")).singleElement().satisfies(e ->
                assertThat(e.text()).isEqualTo(dir + ": is not a perfgate project: it has neither a baselines/ nor a "
                        + "history/ directory"));
    }

    @Test
    void exportingAChartWritesThePngWhereTheUserChose() throws Exception {
        dialogs.paths.add(dir.resolve("my-chart"));

        model.exportChart("trends.png", file -> Files.writeString(file, "png"));

        assertThat(dir.resolve("my-chart.png")).hasContent("png");
        assertThat(model.statusProperty().get()).isEqualTo("Saved " + dir.resolve("my-chart.png"));
    }

    @Test
    void aFailedExportIsReportedWithTheFile() {
        dialogs.paths.add(dir.resolve("x.png"));

        model.exportChart("trends.png", file -> {
            throw new java.io.IOException("disk full");
        });

        assertThat(dialogs.of("error")).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo(dir.resolve("x.png") + ": disk full"));
    }
}
