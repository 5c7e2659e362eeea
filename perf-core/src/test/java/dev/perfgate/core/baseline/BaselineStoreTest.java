package dev.perfgate.core.baseline;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.perfgate.core.baseline.BaselineFixtures.COSINE;
import static dev.perfgate.core.baseline.BaselineFixtures.LINUX;
import static dev.perfgate.core.baseline.BaselineFixtures.MATRIX;
import static dev.perfgate.core.baseline.BaselineFixtures.TOKENIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineStoreTest {

    @TempDir
    Path project;

    private BaselineStore store() {
        return new BaselineStore(project);
    }

    @Test
    void baselineLivesInBaselinesDirectoryUnderItsPlatformKey() {
        assertThat(store().path(LINUX)).isEqualTo(project.resolve("baselines").resolve("linux-x86_64.json"));
    }

    @Test
    void readOfAMissingFileIsEmpty() throws InputException {
        assertThat(store().read(LINUX)).isEmpty();
    }

    @Test
    void updateOfAMissingFileStartsFromNothingAndCreatesIt() throws Exception {
        BaselineStore.Change change = store().update(LINUX, current -> {
            assertThat(current).isEmpty();
            return BaselineFixtures.file();
        }, false);

        assertThat(change.before()).isEmpty();
        assertThat(change.changed()).isTrue();
        assertThat(change.baseline()).isEqualTo(BaselineFixtures.file());
        assertThat(Files.readString(store().path(LINUX))).isEqualTo(change.after())
                .isEqualTo(new BaselineCodec().write(BaselineFixtures.file()));
        assertThat(store().read(LINUX)).hasValueSatisfying(b ->
                assertThat(b.sets().get(0).entries()).extracting(BaselineEntry::id).containsExactly(COSINE, MATRIX, TOKENIZE));
    }

    @Test
    void updateWritesTheAfterTextAndLeavesNoTemporaryFiles() throws Exception {
        BaselineStore store = store();
        store.update(LINUX, current -> BaselineFixtures.file(), false);
        String first = Files.readString(store.path(LINUX));

        BaselineStore.Change change = store.update(LINUX, current -> withoutEntry(current.orElseThrow(), TOKENIZE),
                false);

        assertThat(change.before()).isEqualTo(first);
        assertThat(Files.readString(store.path(LINUX), StandardCharsets.UTF_8)).isEqualTo(change.after());
        assertThat(change.after()).doesNotContain("TokenizerBenchmark");
        assertThat(fileNames(project.resolve("baselines")))
                .containsExactlyInAnyOrder("linux-x86_64.json", ".linux-x86_64.json.lock");
    }

    @Test
    void updateThatChangesNothingReportsNoChange() throws Exception {
        BaselineStore store = store();
        store.update(LINUX, current -> BaselineFixtures.file(), false);

        BaselineStore.Change change = store.update(LINUX, current -> current.orElseThrow(), false);

        assertThat(change.changed()).isFalse();
    }

    @Test
    void dryRunComputesTheChangeButLeavesTheFileUntouched() throws Exception {
        BaselineStore store = store();
        store.update(LINUX, current -> BaselineFixtures.file(), false);
        byte[] before = Files.readAllBytes(store.path(LINUX));
        long modified = Files.getLastModifiedTime(store.path(LINUX)).toMillis();

        BaselineStore.Change change = store.update(LINUX, current -> withoutEntry(current.orElseThrow(), MATRIX),
                true);

        assertThat(change.changed()).isTrue();
        assertThat(change.after()).doesNotContain("MatrixMultiplyBenchmark");
        assertThat(Files.readAllBytes(store.path(LINUX))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(store.path(LINUX)).toMillis()).isEqualTo(modified);
        assertThat(fileNames(project.resolve("baselines")))
                .containsExactlyInAnyOrder("linux-x86_64.json", ".linux-x86_64.json.lock");
    }

    @Test
    void dryRunOnANewPlatformCreatesNoBaselineFile() throws Exception {
        store().update(LINUX, current -> BaselineFixtures.file(), true);

        assertThat(store().path(LINUX)).doesNotExist();
    }

    @Test
    void updaterThatFailsLeavesTheOldFileByteIdentical() throws Exception {
        BaselineStore store = store();
        store.update(LINUX, current -> BaselineFixtures.file(), false);
        byte[] before = Files.readAllBytes(store.path(LINUX));

        assertThatThrownBy(() -> store.update(LINUX, current -> {
            throw new InputException("results.json", "$[0]", "broken");
        }, false)).isInstanceOf(InputException.class).hasMessage("results.json: $[0]: broken");

        assertThat(Files.readAllBytes(store.path(LINUX))).isEqualTo(before);
        assertThat(fileNames(project.resolve("baselines")))
                .containsExactlyInAnyOrder("linux-x86_64.json", ".linux-x86_64.json.lock");
    }

    @Test
    void updateOfACorruptFileFailsWithoutCallingTheUpdaterOrChangingTheFile() throws Exception {
        Path file = store().path(LINUX);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ \"version\" : 1, ");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> store().update(LINUX, current -> {
            throw new AssertionError("updater must not run");
        }, false)).isInstanceOf(InputException.class).hasMessageStartingWith(file.toString() + ": ");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void readOfACorruptFileNamesTheFile() throws Exception {
        Path file = store().path(LINUX);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 99}");

        assertThatThrownBy(() -> store().read(LINUX)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": $.version: ").hasMessageContaining("newer");
    }

    @Test
    void readOfInvalidUtf8IsAnInputException() throws Exception {
        Path file = store().path(LINUX);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});

        assertThatThrownBy(() -> store().read(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("UTF-8");
    }

    @Test
    void readOfADirectoryIsAnInputException() throws Exception {
        Files.createDirectories(store().path(LINUX));

        assertThatThrownBy(() -> store().read(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void concurrentUpdatesOfOnePlatformAreSerializedAndLoseNothing() throws Exception {
        BaselineStore store = store();
        store.update(LINUX, current -> BaselineFixtures.file(), false);
        BenchmarkId first = BenchmarkId.of("dev.perfgate.kernels.Added.first", Mode.AVERAGE_TIME, Map.of());
        BenchmarkId second = BenchmarkId.of("dev.perfgate.kernels.Added.second", Mode.AVERAGE_TIME, Map.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BaselineStore.Change>> futures = new ArrayList<>();
            for (BenchmarkId id : List.of(first, second)) {
                Callable<BaselineStore.Change> task = () -> {
                    start.await();
                    return new BaselineStore(project).update(LINUX, current -> {
                        pause(); // widen the read-modify-write window so that the updates overlap
                        return withEntry(current.orElseThrow(), id);
                    }, false);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<BaselineStore.Change> f : futures) {
                f.get(8, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read(LINUX)).hasValueSatisfying(b -> assertThat(b.sets().get(0).entries()).extracting(BaselineEntry::id)
                .containsExactlyInAnyOrder(COSINE, MATRIX, TOKENIZE, first, second));
        assertThat(fileNames(project.resolve("baselines")))
                .containsExactlyInAnyOrder("linux-x86_64.json", ".linux-x86_64.json.lock");
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BaselineFile withEntry(BaselineFile f, BenchmarkId id) {
        Baseline b = f.sets().get(0);
        List<BaselineEntry> entries = new ArrayList<>(b.entries());
        entries.add(new BaselineEntry(id, BaselineFixtures.cosine(), null, null, BaselineFixtures.APPROVAL));
        return f.with(new Baseline(b.platform(), b.host(), b.fingerprint(), b.timestamp(), entries));
    }

    private static BaselineFile withoutEntry(BaselineFile f, BenchmarkId id) {
        Baseline b = f.sets().get(0);
        return f.with(new Baseline(b.platform(), b.host(), b.fingerprint(), b.timestamp(),
                b.entries().stream().filter(e -> !e.id().equals(id)).toList()));
    }

    private static List<String> fileNames(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
