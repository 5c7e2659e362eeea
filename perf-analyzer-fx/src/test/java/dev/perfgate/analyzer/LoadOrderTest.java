package dev.perfgate.analyzer;

import java.util.Map;
import java.util.HashMap;
import java.util.Arrays;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.analyzer.project.ProjectLoader;
import dev.perfgate.analyzer.overview.OverviewViewModel;
import dev.perfgate.analyzer.project.Workspace;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.model.PlatformKey;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads that finish out of order: every load is tied to the request that started it, and only the
 * newest request's result is shown. The runner here holds the work until the test finishes it, in
 * the order the test chooses.
 */
class LoadOrderTest {

    @TempDir
    Path dir;

    private final FakeDialogService dialogs = new FakeDialogService();
    private final HeldRunner runner = new HeldRunner();
    private TestServices services;
    private MainViewModel model;

    @BeforeEach
    void setUp() {
        services = new TestServices(dialogs, runner);
        model = new MainViewModel(services.services);
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
    }

    /** Background work held until {@link #finish} runs it and hands its result on. */
    private static final class HeldRunner implements BackgroundRunner {
        private final List<Runnable> held = new ArrayList<>();
        /** The loads among the held work (opening, reloading), in the order they were asked for. */
        private final List<Runnable> loads = new ArrayList<>();
        private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);

        @Override
        public <T> void runWithProgress(String what, ProgressWork<T> work, Consumer<T> onSuccess,
                                        Consumer<Exception> onFailure) {
            Runnable job = () -> BackgroundRunner.runNow(work, onSuccess, onFailure);
            if (what.startsWith("Summarizing")) {
                job.run();
                return;
            }
            held.add(job);
            if (what.startsWith("Opening ") || what.startsWith("Reloading ")) {
                loads.add(job);
            }
        }

        @Override
        public void handOver(Runnable action) {
            action.run();
        }

        /** Runs load {@code i} (in the order the loads were asked for) and delivers its result. */
        void finish(int i) {
            loads.get(i).run();
        }

        /** How many loads were asked for. */
        int size() {
            return loads.size();
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return busy.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }
    }

    @Test
    void twoOpensFinishingInTheOppositeOrderLeaveTheNewerProject() {
        Path first = ProjectFixtures.project(dir.resolve("first"), 3, 99);
        Path second = ProjectFixtures.project(dir.resolve("second"), 5, 99);

        model.open(first);
        model.open(second);
        runner.finish(1);
        runner.finish(0);

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.projectDir()).contains(second);
        assertThat(ws.history().orElseThrow().runs()).hasSize(5);
        assertThat(model.statusProperty().get()).contains("5 runs in the history");
    }

    @Test
    void aReloadAskedForAfterAPlatformSwitchWinsWhicheverFinishesFirst() throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p"), 3, 99);
        Files.copy(project.resolve("history").resolve("linux-x86_64.jsonl"),
                project.resolve("history").resolve("linux-aarch64.jsonl"));
        model.open(project);
        runner.finish(0);

        model.platformProperty().set(PlatformKey.parse("linux-aarch64"));
        model.reload();
        assertThat(runner.size()).isEqualTo(3);
        runner.finish(2);
        runner.finish(1);

        // The reload was asked for with the project as it was shown then: on linux-x86_64.
        assertThat(model.workspaceProperty().get().platform()).contains(ProjectFixtures.PLATFORM);
        assertThat(model.workspaceProperty().get().baseline()).isPresent();
    }

    @Test
    void aFailureOfASupersededLoadIsNotShown() {
        Path good = ProjectFixtures.project(dir.resolve("good"), 2, 99);

        model.open(dir.resolve("no-such-project"));
        model.open(good);
        runner.finish(1);
        runner.finish(0);

        assertThat(model.workspaceProperty().get().projectDir()).contains(good);
        assertThat(dialogs.of("error")).isEmpty();
    }

    @Test
    void threeResultsFilesDroppedTogetherAllShow() throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p"), 2, 99);
        model.open(project);
        runner.finish(0);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<Path> dropped = new ArrayList<>();
        for (String name : List.of("modes.json", "single-fork.json", "gc-params-forks.json")) {
            dropped.add(ProjectFixtures.copyJmh(name, Files.createDirectory(out.resolve(name.replace(".json", "")))));
        }

        model.open(dropped);
        assertThat(runner.size()).as("one load for the three files").isEqualTo(2);
        runner.finish(1);

        Workspace ws = model.workspaceProperty().get();
        assertThat(ws.projectDir()).contains(project);
        assertThat(ws.resultFiles()).hasSize(3);
    }

    /** A model that previews any history from its last 10 runs (the application: 40 runs of histories over 32 MB). */
    private MainViewModel previewing() {
        return new MainViewModel(services.services, new ProjectLoader.Previews(10, 0, 1));
    }

    /** The overview's lines each time a preview shows, and whether the workspace was still the one before. */
    private static List<List<OverviewViewModel.Line>> previews(MainViewModel m, List<Workspace> workspaces) {
        List<List<OverviewViewModel.Line>> seen = new ArrayList<>();
        m.overview().previewingProperty().addListener((obs, old, now) -> {
            if (now) {
                seen.add(List.copyOf(m.overview().lines()));
                workspaces.add(m.workspaceProperty().get());
            }
        });
        return seen;
    }

    @Test
    void aLongHistoryIsPreviewedFromItsLatestRunsUntilTheWholeOfItIsRead() {
        Path project = ProjectFixtures.project(dir.resolve("p"), 60, 50);
        MainViewModel m = previewing();
        List<Workspace> workspaces = new ArrayList<>();
        List<List<OverviewViewModel.Line>> seen = previews(m, workspaces);

        m.open(project);
        runner.finish(0);

        assertThat(seen).hasSize(1);
        assertThat(workspaces.get(0).isEmpty()).as("shown before the project is").isTrue();
        Map<BenchmarkId, OverviewViewModel.Line> full = new HashMap<>();
        m.overview().lines().forEach(l -> full.put(l.id(), l));
        assertThat(m.overview().previewingProperty().get()).isFalse();
        assertThat(full.get(ProjectFixtures.REGRESSING).lastChange()).startsWith("+40.");
        List<OverviewViewModel.Line> preview = seen.get(0);
        assertThat(preview).extracting(OverviewViewModel.Line::id)
                .containsExactlyElementsOf(m.overview().lines().stream().map(OverviewViewModel.Line::id).toList());
        for (OverviewViewModel.Line early : preview) {
            OverviewViewModel.Line whole = full.get(early.id());
            assertThat(early.verdict()).isEqualTo(whole.verdict());
            assertThat(early.change()).isEqualTo(whole.change());
            assertThat(early.lastChange()).isEqualTo(OverviewViewModel.PENDING);
            assertThat(early.recent()).hasSizeGreaterThanOrEqualTo(10).containsExactly(Arrays.copyOfRange(
                    whole.recent(), whole.recent().length - early.recent().length, whole.recent().length));
        }
    }

    @Test
    void thePreviewOfASupersededLoadNeverShows() {
        Path older = ProjectFixtures.project(dir.resolve("older"), 60, 50);
        Path newer = ProjectFixtures.project(dir.resolve("newer"), 3, 99);
        MainViewModel m = previewing();
        List<List<OverviewViewModel.Line>> seen = previews(m, new ArrayList<>());

        m.open(older);
        m.open(newer);
        runner.finish(1);
        runner.finish(0);

        assertThat(seen).isEmpty();
        assertThat(m.workspaceProperty().get().projectDir()).contains(newer);
        assertThat(m.overview().summaryProperty().get()).contains("run-00002").doesNotContain("from the latest");
    }

    @Test
    void aPreviewWhoseLoadFailsGivesWayToWhatIsOpen() throws Exception {
        Path project = ProjectFixtures.project(dir.resolve("p"), 60, 50);
        Path history = project.resolve("history").resolve(ProjectFixtures.PLATFORM + ".jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(history));
        lines.add(1, "{not a record");
        Files.write(history, lines);
        MainViewModel m = previewing();
        List<List<OverviewViewModel.Line>> seen = previews(m, new ArrayList<>());

        m.open(project);
        runner.finish(0);

        assertThat(seen).hasSize(1);
        assertThat(dialogs.of("error")).singleElement().asString().contains("line 2");
        assertThat(m.overview().previewingProperty().get()).isFalse();
        assertThat(m.overview().lines()).isEmpty();
        assertThat(m.workspaceProperty().get().isEmpty()).isTrue();
    }
}
