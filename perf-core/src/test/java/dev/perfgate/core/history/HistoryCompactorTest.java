package dev.perfgate.core.history;

import dev.perfgate.core.InputException;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.Measurement;
import dev.perfgate.core.model.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.perfgate.core.history.GeneratedHistory.LINUX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HistoryCompactorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");

    @TempDir
    Path project;

    private final HistoryCodec codec = new HistoryCodec();

    /** 5 benchmarks x 20 forks x 4 iterations, 120 days, 10% slower from day 70. */
    private final GeneratedHistory generated = new GeneratedHistory(5, 20, 4, 70, 0.10);

    private HistoryStore store() {
        return new HistoryStore(project, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file() {
        return store().path(LINUX);
    }

    private HistoryCompactor compactor() {
        return new HistoryCompactor(store(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Trends.Result trends() throws InputException {
        return new Trends(store(), ChangePoints.defaults()).read(file(), id -> true, 0);
    }

    /** The lines of the file, keyed by their run id (approvals by their position). */
    private List<String> lines() throws IOException {
        return Files.readAllLines(file(), StandardCharsets.UTF_8);
    }

    private static String runIdOf(String line) {
        int at = line.indexOf("\"run_id\":\"") + 10;
        return line.substring(at, line.indexOf('"', at));
    }

    @Test
    void compactionKeepsEveryTrendAndChangePointAndTheProtectedRunsWhole() throws Exception {
        generated.write(file(), 120, List.of(10, 40));
        Trends.Result before = trends();
        List<String> linesBefore = lines();
        assertThat(before.trends()).hasSize(5).allSatisfy(t -> assertThat(t.changePoints()).isNotEmpty());
        Set<String> changePointRuns = new HashSet<>();
        for (Trend t : before.trends()) {
            t.changePoints().forEach(cp -> {
                changePointRuns.add(t.points().get(cp.index()).runId());
                changePointRuns.add(t.points().get(cp.index() - 1).runId());
            });
        }
        assertThat(changePointRuns).contains(GeneratedHistory.runId(70), GeneratedHistory.runId(69));

        HistoryCompactor.Outcome outcome = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.days(30),
                Set.of(GeneratedHistory.runId(20)));

        assertThat(trends()).isEqualTo(before);
        List<String> linesAfter = lines();
        assertThat(linesAfter).hasSameSizeAs(linesBefore);
        Set<String> whole = new HashSet<>(changePointRuns);
        whole.addAll(List.of(GeneratedHistory.runId(10), GeneratedHistory.runId(40), GeneratedHistory.runId(20)));
        for (int i = 0; i < linesBefore.size(); i++) {
            String old = linesBefore.get(i);
            String id = runIdOf(old);
            boolean run = old.contains("\"type\":\"run\"");
            int day = Integer.parseInt(id.substring(4));
            if (!run || whole.contains(id) || day > 119 - 30) {
                assertThat(linesAfter.get(i)).as("line %d (%s)", i + 1, id).isEqualTo(old);
            } else {
                assertThat(linesAfter.get(i)).as("line %d (%s)", i + 1, id).contains("\"compacted\":true")
                        .doesNotContain("\"samples\"");
            }
        }
        long recent = 30; // days 90..119 are less than 30 days older than day 119
        assertThat(outcome.runs()).isEqualTo(120);
        assertThat(outcome.approvals()).isEqualTo(2);
        assertThat(outcome.lines()).isEqualTo(122);
        assertThat(outcome.recent()).isEqualTo(recent);
        assertThat(outcome.approved()).isEqualTo(2);
        assertThat(outcome.inBaseline()).isEqualTo(1);
        assertThat(outcome.atChangePoint()).isEqualTo(changePointRuns.size());
        assertThat(outcome.compacted()).isEqualTo(120 - outcome.keptWhole());
        assertThat(outcome.keptWhole()).isEqualTo(recent + 3 + changePointRuns.stream()
                .filter(id -> Integer.parseInt(id.substring(4)) <= 119 - 30).count());
        assertThat(outcome.bytesAfter()).isEqualTo(Files.size(file())).isLessThan(outcome.bytesBefore() / 2);
        assertThat(outcome.written()).isTrue();
        assertThat(store().verify(file(), LINUX).ok()).isTrue();
    }

    @Test
    void aCompactedRunReadsBackWithItsScoresAndCounts() throws Exception {
        generated.write(file(), 10, List.of());
        Run original = ((HistoryRecord.RunRecord) store().readAll(LINUX).get(0)).run();

        compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(1), Set.of());

        Run compacted = ((HistoryRecord.RunRecord) store().readAll(LINUX).get(0)).run();
        assertThat(compacted).isEqualTo(CompactedRuns.compact(original));
        assertThat(CompactedRuns.isCompacted(compacted)).isTrue();
        for (int i = 0; i < original.results().size(); i++) {
            BenchmarkResult was = original.results().get(i);
            BenchmarkResult now = compacted.results().get(i);
            assertThat(now.id()).isEqualTo(was.id());
            assertCompacted(now.primary(), was.primary());
            // Of the secondary metrics only the allocation is kept.
            assertThat(now.secondary().keySet()).containsExactly(BenchmarkResult.ALLOCATION_METRIC);
            assertCompacted(now.allocation().orElseThrow(), was.allocation().orElseThrow());
        }
        // The host is its class, its details unknown; the fingerprint is dropped (read as empty).
        assertThat(compacted.host().hostClass()).isEqualTo(original.host().hostClass());
        assertThat(List.of(compacted.host().jdkBuild(), compacted.host().vmFlags(), compacted.host().caches()))
                .isEqualTo(List.of("", Map.of(), ""));
        assertThat(compacted.host().speed()).isNull();
        assertThat(compacted.fingerprint()).isEqualTo(new Fingerprint("", 0, "", "", List.of(), "", ""));
        assertThat(HostIdentity.environmentChange(original.host(), compacted.host())).isEmpty();
        assertThat(HostIdentity.environmentChange(compacted.host(), original.host())).isEmpty();
        assertThat(List.of(compacted.commit(), compacted.branch(), compacted.timestamp(), compacted.platform()))
                .isEqualTo(List.of(original.commit(), original.branch(), original.timestamp(), original.platform()));
        String line = lines().get(0);
        // Version 2: a release that reads only version 1 names the release it needs.
        assertThat(line).startsWith("{\"schema\":2,\"requires\":\"perf-gate 0.2.0\",")
                .contains("\"platform\":\"linux-x86_64\",\"compacted\":true,\"forks\":20,\"iterations\":4,"
                        + "\"host\":{\"class\":{\"isa\":[")
                // The allocation's unit is JMH's, always B/op: it is left out.
                .contains("\"score_error\":", "\"secondary\":{\"gc.alloc.rate.norm\":{\"score\":")
                .doesNotContain("samples", "fingerprint", "jdk_build", "label", "gc.count", "\"gc.alloc.rate\"")
                .doesNotContain("\"forks\":20,\"iterations\":4,\"secondary\"");
    }

    @Test
    void aBenchmarkWithOtherCountsThanTheRunsHasItsOwnAndARunWithoutHostClassKeepsItsFingerprint()
            throws Exception {
        // As read from its line: numbers rounded as the codec writes them.
        Run original = ((HistoryRecord.RunRecord) codec.read("h.jsonl", 1,
                codec.write(new HistoryRecord.RunRecord(generated.run(3))))).run();
        BenchmarkResult first = original.results().get(0);
        BenchmarkResult fewer = new BenchmarkResult(first.id(), new Measurement(first.primary().unit(),
                first.primary().score(), first.primary().scoreError(), first.primary().forks().subList(0, 5)),
                first.secondary(), first.settings());
        List<BenchmarkResult> results = new ArrayList<>(original.results());
        results.set(0, fewer);
        Run run = new Run(original.runId(), original.timestamp(), original.commit(), original.branch(),
                original.platform(), original.fingerprint(), null, results);

        Run compacted = CompactedRuns.compact(run);
        String line = codec.write(new HistoryRecord.RunRecord(compacted));

        assertThat(codec.read("h.jsonl", 1, line)).isEqualTo(new HistoryRecord.RunRecord(compacted));
        assertThat(compacted.fingerprint()).isEqualTo(original.fingerprint());
        assertThat(compacted.results().get(0).primary().summary()).isEqualTo(new Measurement.Summary(5, 4));
        // The allocation keeps its 20 forks, which differ from its benchmark's 5.
        assertThat(compacted.results().get(0).allocation().orElseThrow().summary())
                .isEqualTo(new Measurement.Summary(20, 4));
        assertThat(line).contains("\"compacted\":true,\"forks\":20,\"iterations\":4,\"fingerprint\":{")
                .contains("\"forks\":5,\"iterations\":4,\"secondary\":{\"gc.alloc.rate.norm\":{")
                .doesNotContain("\"host\"");
        assertThat(codec.write(codec.read("h.jsonl", 1, line))).isEqualTo(line);
    }

    private static void assertCompacted(Measurement now, Measurement was) {
        assertThat(now.compacted()).isTrue();
        assertThat(now.forks()).isEmpty();
        assertThat(List.of(now.unit(), now.score(), now.scoreError()))
                .isEqualTo(List.of(was.unit(), was.score(), was.scoreError()));
        assertThat(now.forkCount()).isEqualTo(20);
        assertThat(now.iterationsPerFork()).isEqualTo(4);
        assertThat(now.summary()).isEqualTo(new Measurement.Summary(20, 4));
    }

    @Test
    void aLineOfTheEarlierCompactedFormWithCountsInEveryBenchmarkReadsTheSame() throws Exception {
        Run compacted = CompactedRuns.compact(generated.run(3));
        String line = codec.write(new HistoryRecord.RunRecord(compacted));
        String earlier = line.replace("\"compacted\":true,\"forks\":20,\"iterations\":4,", "\"compacted\":true,")
                .replace(",\"secondary\":{", ",\"forks\":20,\"iterations\":4,\"secondary\":{");
        assertThat(earlier).isNotEqualTo(line).doesNotContain("\"compacted\":true,\"forks\"");

        assertThat(codec.read("h.jsonl", 1, earlier)).isEqualTo(codec.read("h.jsonl", 1, line));
    }

    @Test
    void aCompactedLineThatBreaksTheFormIsABadLine() throws Exception {
        generated.write(file(), 3, List.of());
        compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(0), Set.of());
        String line = lines().get(0);
        String[][] broken = {
            {"\"secondary\":{", "\"samples\":[[1,2]],\"secondary\":{", "$.benchmarks[0].samples: a compacted run has no samples"},
            {"\"forks\":20,\"iterations\":4,", "", "$.benchmarks[0].forks: missing"},
            {"\"forks\":20,", "", "$.forks: missing"},
            {"\"iterations\":4,", "\"iterations\":-4,", "$.iterations: expected a non-negative whole number"},
            {"\"compacted\":true", "\"compacted\":\"yes\"", "$.compacted: expected true or false"},
        };
        for (String[] b : broken) {
            assertThatThrownBy(() -> codec.read("h.jsonl", 4, line.replaceFirst(java.util.regex.Pattern.quote(b[0]),
                    java.util.regex.Matcher.quoteReplacement(b[1])))).as(b[2])
                    .isInstanceOf(InputException.class).hasMessageContaining("line 4, " + b[2]);
        }
    }

    @Test
    void compactingACompactedFileChangesNothing() throws Exception {
        generated.write(file(), 120, List.of(10));
        compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.days(30), Set.of());
        byte[] once = Files.readAllBytes(file());
        long modified = Files.getLastModifiedTime(file()).toMillis();

        HistoryCompactor.Outcome again = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.days(30),
                Set.of());

        assertThat(Files.readAllBytes(file())).isEqualTo(once);
        assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(modified);
        assertThat(again.written()).isFalse();
        assertThat(again.compacted()).isZero();
        assertThat(again.alreadyCompact()).isEqualTo(120 - again.keptWhole());
        assertThat(again.bytesAfter()).isEqualTo(again.bytesBefore());
    }

    @Test
    void keepSamplesOfTheNewestRunsOrNone() throws Exception {
        generated.write(file(), 30, List.of());
        HistoryCompactor.Outcome newest = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(5),
                Set.of());
        assertThat(newest.recent()).isEqualTo(5);
        assertThat(lines().subList(25, 30)).allSatisfy(l -> assertThat(l).doesNotContain("\"compacted\""));

        HistoryCompactor.Outcome none = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(0),
                Set.of());
        assertThat(none.recent()).isZero();
        assertThat(none.compacted()).isEqualTo(5);
        assertThat(lines()).allSatisfy(l -> assertThat(l).contains("\"compacted\":true"));
    }

    @Test
    void keepSamplesParsesDaysAndRuns() {
        assertThat(HistoryCompactor.KeepSamples.parse("90d")).isEqualTo(HistoryCompactor.KeepSamples.days(90));
        assertThat(HistoryCompactor.KeepSamples.parse("12")).isEqualTo(HistoryCompactor.KeepSamples.runs(12));
        assertThat(HistoryCompactor.KeepSamples.parse("0")).isEqualTo(HistoryCompactor.KeepSamples.runs(0));
        for (String bad : new String[] {"0d", "-3", "90 days", "3w", "", "1234567"}) {
            assertThatThrownBy(() -> HistoryCompactor.KeepSamples.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90d");
        }
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndTheFileIsUntouched() throws Exception {
        generated.write(file(), 20, List.of());
        List<String> lines = new ArrayList<>(lines());
        lines.set(6, lines.get(6).replace("\"score\":", "\"score\":\"fast\",\"x\":"));
        Files.write(file(), lines, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file());

        InputException e = catchThrowableOfType(() -> compactor().compact(file(), LINUX,
                HistoryCompactor.KeepSamples.runs(0), Set.of()), InputException.class);

        assertThat(e.getMessage()).contains(file().toString()).contains("line 7");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(siblings()).containsExactlyInAnyOrder("linux-x86_64.jsonl", ".linux-x86_64.jsonl.lock");
    }

    @Test
    void duplicateRunsAndRunsOfAnotherPlatformAreRefused() throws Exception {
        generated.write(file(), 6, List.of());
        List<String> lines = new ArrayList<>(lines());
        lines.add(lines.get(2));
        Files.write(file(), lines, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(0), Set.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("line 7").hasMessageContaining("line 3");
        assertThatThrownBy(() -> compactor().compact(file(), dev.perfgate.core.model.PlatformKey.parse("linux-aarch64"),
                HistoryCompactor.KeepSamples.runs(0), Set.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("line 1").hasMessageContaining("linux-aarch64");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.days(90), Set.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("no such history file");
    }

    @Test
    void whenTheFileCannotBeWrittenTheOriginalIsUntouched() throws Exception {
        generated.write(file(), 20, List.of());
        byte[] before = Files.readAllBytes(file());
        Path dir = file().getParent();
        // The lock file must exist before the directory becomes read-only: it is created once.
        Files.createFile(dir.resolve(".linux-x86_64.jsonl.lock"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "running as a user who may write anyway (root)");
            assertThatThrownBy(() -> compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(0),
                    Set.of())).isInstanceOf(IOException.class).hasMessageContaining(file().toString());
            assertThat(Files.readAllBytes(file())).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(siblings()).containsExactlyInAnyOrder("linux-x86_64.jsonl", ".linux-x86_64.jsonl.lock");
    }

    @Test
    void aTornLastLineIsMovedAsideAsAnAppendWouldAndTheRestIsCompacted() throws Exception {
        generated.write(file(), 20, List.of());
        Trends.Result before = trends();
        String torn = "{\"schema\":1,\"type\":\"run\",\"run_id\":\"run-torn\",\"timest";
        Files.writeString(file(), torn, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        HistoryCompactor.Outcome outcome = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(0),
                Set.of());

        assertThat(outcome.tornMovedTo()).isPresent();
        assertThat(Files.readString(outcome.tornMovedTo().get())).isEqualTo(torn);
        assertThat(outcome.lines()).isEqualTo(21);
        assertThat(Files.readString(file())).endsWith("\n").doesNotContain("run-torn");
        assertThat(trends()).isEqualTo(before);
        assertThat(store().verify(file(), LINUX).ok()).isTrue();
    }

    @Test
    void aLastLineWithoutItsLineEndThatIsWholeIsKept() throws Exception {
        generated.write(file(), 12, List.of());
        String text = Files.readString(file());
        Files.writeString(file(), text.substring(0, text.length() - 1));

        HistoryCompactor.Outcome outcome = compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(1),
                Set.of());

        assertThat(outcome.tornMovedTo()).isEmpty();
        assertThat(lines()).hasSize(12);
        assertThat(lines().get(11)).isEqualTo(text.substring(text.lastIndexOf('\n', text.length() - 2) + 1,
                text.length() - 1));
    }

    @Test
    @Timeout(120)
    void concurrentAppendsAreNeitherLostNorInterleaved() throws Exception {
        generated.write(file(), 40, List.of());
        HistoryStore store = store();
        AtomicBoolean compacting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> appenders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        Run run = generated.run(1000 + thread * 100 + i);
                        HistoryRecord.RunRecord record = new HistoryRecord.RunRecord(new Run("t" + thread + "-" + i,
                                run.timestamp(), run.commit(), run.branch(), run.platform(), run.fingerprint(),
                                run.host(), run.results()));
                        store.append(LINUX, record);
                        ids.add(record.run().runId());
                    }
                    return ids;
                }));
            }
            Future<Integer> compactions = pool.submit(() -> {
                int n = 0;
                while (compacting.get() || n == 0) {
                    compactor().compact(file(), LINUX, HistoryCompactor.KeepSamples.runs(3), Set.of());
                    n++;
                }
                return n;
            });
            Set<String> appended = new HashSet<>();
            for (Future<List<String>> f : appenders) {
                appended.addAll(f.get(100, TimeUnit.SECONDS));
            }
            compacting.set(false);
            assertThat(compactions.get(100, TimeUnit.SECONDS)).isPositive();

            HistoryStore.Verification verification = store.verify(file(), LINUX);
            assertThat(verification.ok()).as(verification.problems().toString()).isTrue();
            assertThat(verification.records()).isEqualTo(90);
            Set<String> present = new HashSet<>();
            store.stream(file(), (n, r) -> present.add(((HistoryRecord.RunRecord) r).run().runId()));
            assertThat(present).containsAll(appended).hasSize(90);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(file().getParent())) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
