package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.perfgate.core.history.HistoryFixtures.LINUX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HistoryStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");

    @TempDir
    Path project;

    private final HistoryCodec codec = new HistoryCodec();

    private HistoryStore store() {
        return new HistoryStore(project, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file() {
        return store().path(LINUX);
    }

    private String line(HistoryRecord record) {
        return codec.write(record) + "\n";
    }

    @Test
    void historyLivesInHistoryDirectoryUnderItsPlatformKey() {
        assertThat(file()).isEqualTo(project.resolve("history").resolve("linux-x86_64.jsonl"));
    }

    @Test
    void readOfAMissingFileIsEmpty() throws InputException {
        assertThat(store().readAll(LINUX)).isEmpty();
        assertThat(store().stream(file(), (n, r) -> { })).isEqualTo(new HistoryStore.ReadSummary(0, false));
    }

    @Test
    void appendThenReadAllRoundTrips() throws Exception {
        HistoryStore store = store();

        assertThat(store.append(LINUX, HistoryFixtures.runRecord())).isEmpty();
        assertThat(store.append(LINUX, HistoryFixtures.approvalRecord())).isEmpty();

        List<HistoryRecord> records = store.readAll(LINUX);
        assertThat(records).hasSize(2);
        assertThat(codec.write(records.get(0))).isEqualTo(codec.write(HistoryFixtures.runRecord()));
        assertThat(records.get(1)).isEqualTo(HistoryFixtures.approvalRecord());
        assertThat(Files.readString(file()))
                .isEqualTo(line(HistoryFixtures.runRecord()) + line(HistoryFixtures.approvalRecord()));
    }

    @Test
    void streamVisitsRecordsWithTheirLineNumbersAndSkipsBlankLines() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), line(HistoryFixtures.smallRun("a", 1)) + "\n  \n" + line(HistoryFixtures.smallRun("b", 2)));
        List<Long> lineNumbers = new ArrayList<>();

        HistoryStore.ReadSummary summary = store().stream(file(), (n, r) -> lineNumbers.add(n));

        assertThat(lineNumbers).containsExactly(1L, 4L);
        assertThat(summary).isEqualTo(new HistoryStore.ReadSummary(2, false));
    }

    @Test
    void tornLastLineIsSkippedAndReported() throws Exception {
        String valid = line(HistoryFixtures.smallRun("run-1", 100));
        String second = codec.write(HistoryFixtures.smallRun("run-2", 200));
        Files.createDirectories(file().getParent());
        Files.writeString(file(), valid + second.substring(0, second.length() / 2));
        List<HistoryRecord> seen = new ArrayList<>();

        HistoryStore.ReadSummary summary = store().stream(file(), (n, r) -> seen.add(r));

        assertThat(summary).isEqualTo(new HistoryStore.ReadSummary(1, true));
        assertThat(seen).singleElement().satisfies(r -> assertThat(codec.write(r)).isEqualTo(valid.strip()));
        assertThat(store().readAll(LINUX)).hasSize(1);
    }

    @Test
    void nextAppendMovesTheTornFragmentAsideAndKeepsEveryCompleteLine() throws Exception {
        String valid = line(HistoryFixtures.smallRun("run-1", 100));
        String second = codec.write(HistoryFixtures.smallRun("run-2", 200));
        String fragment = second.substring(0, second.length() / 2);
        Files.createDirectories(file().getParent());
        Files.writeString(file(), valid + fragment);

        Optional<Path> aside = store().append(LINUX, HistoryFixtures.smallRun("run-3", 300));

        assertThat(aside).hasValueSatisfying(p -> {
            assertThat(p.getParent()).isEqualTo(file().getParent());
            assertThat(p.getFileName().toString()).startsWith("linux-x86_64.jsonl").contains(".torn-")
                    .isEqualTo("linux-x86_64.jsonl.torn-20261127T100000.123Z");
            assertThat(p).hasBinaryContent(fragment.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.readString(file())).isEqualTo(valid + line(HistoryFixtures.smallRun("run-3", 300)));
        assertThat(store().stream(file(), (n, r) -> { })).isEqualTo(new HistoryStore.ReadSummary(2, false));
    }

    @Test
    void tornFragmentOfAFileWithoutAnyCompleteLineIsMovedAsideWhole() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"schema\":1,\"ty");

        Optional<Path> aside = store().append(LINUX, HistoryFixtures.smallRun("run-1", 1));

        assertThat(aside).hasValueSatisfying(p -> assertThat(p).hasContent("{\"schema\":1,\"ty"));
        assertThat(Files.readString(file())).isEqualTo(line(HistoryFixtures.smallRun("run-1", 1)));
    }

    /** A crash can cut a line inside a multi-byte UTF-8 character; that is still just a torn last line. */
    @Test
    void tornLastLineCutInsideAMultiByteCharacterIsSkippedAndReported() throws Exception {
        byte[] valid = line(HistoryFixtures.smallRun("run-1", 100)).getBytes(StandardCharsets.UTF_8);
        byte[] second = codec.write(HistoryFixtures.approvalRecord()).replace("alice", "\u00e9milie")
                .getBytes(StandardCharsets.UTF_8);
        int cut = indexOf(second, (byte) 0xC3) + 1; // after the first byte of the two-byte "\u00e9"
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(valid);
        content.write(second, 0, cut);
        Files.createDirectories(file().getParent());
        Files.write(file(), content.toByteArray());

        HistoryStore.ReadSummary summary = store().stream(file(), (n, r) -> { });

        assertThat(summary).isEqualTo(new HistoryStore.ReadSummary(1, true));
    }

    /** The reader counts a complete last line without a line end as a record; an append must not drop it. */
    @Test
    void appendAfterACompleteLastLineWithoutLineEndKeepsThatRecord() throws Exception {
        String first = codec.write(HistoryFixtures.smallRun("run-1", 100));
        Files.createDirectories(file().getParent());
        Files.writeString(file(), first);
        assertThat(store().readAll(LINUX)).hasSize(1);

        store().append(LINUX, HistoryFixtures.smallRun("run-2", 200));

        assertThat(store().readAll(LINUX)).hasSize(2);
    }

    @Test
    void corruptLineInTheMiddleIsReportedWithItsLineNumber() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), line(HistoryFixtures.smallRun("run-1", 1)) + "{not json}\n"
                + line(HistoryFixtures.smallRun("run-3", 3)));

        InputException e = catchThrowableOfType(() -> store().readAll(LINUX), InputException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(file() + ": line 2").doesNotContain("\n");
    }

    @Test
    void corruptLastLineWithALineEndIsAnErrorNotATornLine() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), line(HistoryFixtures.smallRun("run-1", 1)) + "{not json}\n");

        assertThatThrownBy(() -> store().readAll(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void verifyReportsEveryBadLineByNumberAndGoesOn() throws Exception {
        Files.createDirectories(file().getParent());
        HistoryRecord.RunRecord other = new HistoryRecord.RunRecord(new dev.perfgate.core.model.Run("run-9",
                NOW, "c", "main", dev.perfgate.core.model.PlatformKey.parse("linux-aarch64"),
                HistoryFixtures.smallRun("x", 1).run().fingerprint(), null,
                HistoryFixtures.smallRun("x", 1).run().results()));
        Files.writeString(file(), line(HistoryFixtures.smallRun("run-1", 1)) + "{not json}\n"
                + line(HistoryFixtures.smallRun("run-3", 3)) + "\n"
                + "{\"schema\":99,\"requires\":\"perf-gate 4.0.0\",\"type\":\"run\"}\n"
                + line(HistoryFixtures.smallRun("run-1", 5)) + line(other) + line(HistoryFixtures.approvalRecord())
                + "{\"schema\":1,\"type\":\"ru");

        HistoryStore.Verification result = store().verify(file(), LINUX);

        assertThat(result.lines()).isEqualTo(9);
        assertThat(result.records()).isEqualTo(5);
        assertThat(result.tornLastLine()).isTrue();
        assertThat(result.ok()).isFalse();
        assertThat(result.badLines()).isEqualTo(4);
        assertThat(result.problems()).hasSize(4).allSatisfy(p -> assertThat(p).startsWith(file() + ": line "));
        assertThat(result.problems().get(0)).contains("line 2:", "malformed JSON");
        assertThat(result.problems().get(1)).contains("line 5, $.schema", "needs perf-gate 4.0.0");
        assertThat(result.problems().get(2)).contains("line 6, $.run_id", "run run-1 is already on line 1");
        assertThat(result.problems().get(3)).contains("line 7, $.platform", "a run of linux-aarch64 in the history "
                + "of linux-x86_64");
    }

    @Test
    void verifyOfAGoodFileOrNoFileIsOk() throws Exception {
        store().append(LINUX, HistoryFixtures.smallRun("run-1", 1));
        store().append(LINUX, HistoryFixtures.approvalRecord());

        HistoryStore.Verification good = store().verify(file(), LINUX);
        HistoryStore.Verification none = store().verify(project.resolve("history/none.jsonl"), null);

        assertThat(good.ok()).isTrue();
        assertThat(good.records()).isEqualTo(2);
        assertThat(good.tornLastLine()).isFalse();
        assertThat(none.ok()).isTrue();
        assertThat(none.lines()).isZero();
    }

    @Test
    void lineOfANewerSchemaIsReportedAsNewer() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), line(HistoryFixtures.smallRun("run-1", 1))
                + "{\"schema\":99,\"type\":\"run\",\"future\":true}\n");

        assertThatThrownBy(() -> store().readAll(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("newer");
    }

    @Test
    void invalidUtf8IsAnInputException() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), concat(line(HistoryFixtures.smallRun("run-1", 1)).getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'}));

        assertThatThrownBy(() -> store().readAll(LINUX)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file() + ": ").hasMessageContaining("UTF-8");
    }

    @Test
    void invalidUtf8IsReportedOnItsLine() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), concat(line(HistoryFixtures.smallRun("run-1", 1)).getBytes(StandardCharsets.UTF_8),
                line(HistoryFixtures.smallRun("run-2", 2)).getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'}));

        assertThatThrownBy(() -> store().readAll(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void readOfADirectoryIsAnInputException() throws Exception {
        Files.createDirectories(file());

        assertThatThrownBy(() -> store().readAll(LINUX)).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void appendCreatesTheHistoryDirectory() throws Exception {
        store().append(LINUX, HistoryFixtures.smallRun("run-1", 1));

        assertThat(file()).exists();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("linux-x86_64.jsonl", ".linux-x86_64.jsonl.lock");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void concurrentAppendsKeepEveryLineWhole() throws Exception {
        int threads = 4;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    HistoryStore store = store();
                    for (int i = 0; i < perThread; i++) {
                        store.append(LINUX, HistoryFixtures.smallRun("run-" + thread + "-" + i, thread * 1000 + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(8, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = Files.readString(file()).lines().toList();
        assertThat(lines).hasSize(threads * perThread);
        List<HistoryRecord> records = store().readAll(LINUX);
        Set<String> runIds = new HashSet<>();
        for (HistoryRecord r : records) {
            runIds.add(((HistoryRecord.RunRecord) r).run().runId());
        }
        assertThat(records).hasSize(threads * perThread);
        assertThat(runIds).hasSize(threads * perThread);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("byte not found: " + Arrays.toString(new byte[] {b}));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
