package dev.perfgate.core.history;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import static dev.perfgate.core.fixtures.ProjectFixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryReaderTest {

    @TempDir
    Path dir;

    private Path history() {
        return dir.resolve("history").resolve(PLATFORM + ".jsonl");
    }

    @Test
    void readsTheSameTrendsAndChangePointsAsPerfCore() throws Exception {
        ProjectFixtures.project(dir, 20, 12);

        HistoryIndex index = new HistoryReader().index(history());
        Trends.Result expected = new Trends(new HistoryStore(dir, Clock.systemUTC()), ChangePoints.defaults())
                .read(history(), id -> true, 0);

        assertThat(index.series().keySet()).containsExactlyElementsOf(
                expected.trends().stream().map(Trend::id).toList());
        for (Trend trend : expected.trends()) {
            assertThat(trendOf(index, trend)).isEqualTo(trend);
        }
        Trend regressing = index.series(ProjectFixtures.REGRESSING).get(0)
                .toTrend(ChangePoints.defaults());
        assertThat(regressing.changePoints()).extracting(ChangePoints.ChangePoint::index).containsExactly(12);
    }

    /** The analyzer's series of the trend's benchmark and host class, as perf-core's {@link Trend}. */
    private static Trend trendOf(HistoryIndex index, Trend trend) {
        return index.series(trend.id()).stream().filter(s -> java.util.Objects.equals(s.hostClass(),
                trend.hostClass())).findFirst().orElseThrow().toTrend(ChangePoints.defaults());
    }

    @Test
    void keepsOneSeriesPerHostClassAsPerfCoreDoes() throws Exception {
        // Runs alternate between two classes whose hosts differ by 40% at the regressing benchmark.
        // One line through both would zigzag; per class each is flat until the step at run 12.
        ProjectFixtures.twoHostClasses(dir, 24, 12);
        HistoryStore store = new HistoryStore(dir, Clock.systemUTC());

        HistoryIndex index = new HistoryReader().index(history());
        Trends.Result expected = new Trends(store, ChangePoints.defaults()).read(history(), id -> true, 0);

        assertThat(expected.trends()).hasSize(2 * index.series().size());
        for (Trend trend : expected.trends()) {
            // The analyzer keeps each run's host class, not its whole identity (JDK build, probe).
            assertThat(trendOf(index, trend)).isEqualTo(new Trend(trend.id(), trend.hostClass(), trend.unit(),
                    trend.points().stream().map(p -> new Trend.Point(p.runId(), p.timestamp(), p.commit(), p.score(),
                            p.error())).toList(), trend.changePoints()));
        }
        assertThat(index.series(ProjectFixtures.REGRESSING)).extracting(TrendSeries::hostClass)
                .containsExactly(ProjectFixtures.AVX2, ProjectFixtures.AVX512);
        for (TrendSeries s : index.series(ProjectFixtures.REGRESSING)) {
            assertThat(s.size()).isEqualTo(12);
            assertThat(s.toTrend(ChangePoints.defaults()).changePoints())
                    .extracting(ChangePoints.ChangePoint::index).containsExactly(6);
        }
        HistoryIndexCache cache = new HistoryIndexCache(dir.resolve("cache"));
        new HistoryReader(cache).index(history());
        assertThat(new HistoryReader(cache).index(history()).series(ProjectFixtures.REGRESSING))
                .extracting(TrendSeries::hostClass).containsExactly(ProjectFixtures.AVX2, ProjectFixtures.AVX512);
    }

    @Test
    void readsTheSameTrendsAsPerfCoreWhenTheBenchmarksOfARunChangeFromLineToLine() throws Exception {
        List<dev.perfgate.core.model.BenchmarkResult> all = ProjectFixtures.resultsOf(0, 99);
        HistoryStore store = new HistoryStore(dir, Clock.systemUTC());
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) {
            // Some runs repeat the previous run's list, others drop, reorder or add benchmarks.
            List<dev.perfgate.core.model.BenchmarkResult> results = new java.util.ArrayList<>(
                    ProjectFixtures.scaled(all, id -> true, 1 + 0.01 * i));
            if (i % 3 == 1) {
                java.util.Collections.shuffle(results, random);
            }
            if (i % 4 == 2) {
                results.remove(random.nextInt(results.size()));
            }
            store.append(PLATFORM, new HistoryRecord.RunRecord(ProjectFixtures.run(i, results)));
        }

        HistoryIndex index = new HistoryReader().index(history());
        Trends.Result expected = new Trends(store, ChangePoints.defaults()).read(history(), id -> true, 0);

        assertThat(index.series().keySet()).containsExactlyInAnyOrderElementsOf(
                expected.trends().stream().map(Trend::id).toList());
        for (Trend trend : expected.trends()) {
            assertThat(trendOf(index, trend)).isEqualTo(trend);
        }
    }

    @Test
    void indexesRunsAndApprovalEvents() throws Exception {
        ProjectFixtures.project(dir, 5, 99);

        HistoryIndex index = new HistoryReader().index(history());

        assertThat(index.runs()).extracting(RunInfo::runId)
                .containsExactly("run-00000", "run-00001", "run-00002", "run-00003", "run-00004");
        assertThat(index.runs().get(1).lineNo()).isEqualTo(3);
        assertThat(index.approvals()).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo("first baseline");
            assertThat(a.benchmarks()).hasSize(5);
        });
        assertThat(index.tornLastLine()).isFalse();
    }

    @Test
    void indexesTheEndOfAHistoryFromTheFirstLineThatStartsInIt() throws Exception {
        ProjectFixtures.project(dir, 8, 99);
        HistoryIndex whole = new HistoryReader().index(history());
        List<RunInfo> runs = whole.runs();
        long size = Files.size(history());
        RunInfo third = runs.get(runs.size() - 3);

        // A tail that starts on a line's first byte takes that line; one byte less, only those after it.
        HistoryIndex fromLineStart = new HistoryReader().indexTail(history(), size - third.offset());
        HistoryIndex fromInsideIt = new HistoryReader().indexTail(history(), size - third.offset() - 1);

        assertThat(fromLineStart.runs()).extracting(RunInfo::runId)
                .containsExactlyElementsOf(runs.subList(runs.size() - 3, runs.size()).stream().map(RunInfo::runId).toList());
        assertThat(fromLineStart.runs()).extracting(RunInfo::offset)
                .containsExactlyElementsOf(runs.subList(runs.size() - 3, runs.size()).stream().map(RunInfo::offset).toList());
        assertThat(fromInsideIt.runs()).hasSize(2);
        TrendSeries tail = fromLineStart.series(ProjectFixtures.REGRESSING).get(0);
        TrendSeries all = whole.series(ProjectFixtures.REGRESSING).get(0);
        assertThat(tail.scores()).containsExactly(java.util.Arrays.copyOfRange(all.scores(), all.size() - 3, all.size()));
        assertThat(new HistoryReader().indexTail(history(), size).runs()).hasSameSizeAs(runs);
        assertThat(new HistoryReader().indexTail(history(), 10 * size).runs()).hasSameSizeAs(runs);
        assertThat(new HistoryReader().indexTail(dir.resolve("none.jsonl"), 100).runs()).isEmpty();
    }

    @Test
    void saysHowMuchOfAHistoryAnIndexWouldRead() throws Exception {
        ProjectFixtures.project(dir, 4, 99);
        long size = Files.size(history());
        HistoryReader cached = new HistoryReader(new HistoryIndexCache(dir.resolve("cache")));

        assertThat(cached.bytesToIndex(history())).isEqualTo(size);
        cached.index(history());
        assertThat(cached.bytesToIndex(history())).isZero();
        new HistoryStore(dir, Clock.systemUTC()).append(PLATFORM,
                new HistoryRecord.RunRecord(ProjectFixtures.run(4, ProjectFixtures.resultsOf(4, 99))));
        assertThat(cached.bytesToIndex(history())).isEqualTo(Files.size(history()) - size);
        assertThat(new HistoryReader().bytesToIndex(history())).isEqualTo(Files.size(history()));
    }

    @Test
    void readsTheFullRunOfAnIndexedRunWithItsSamples() throws Exception {
        ProjectFixtures.project(dir, 4, 99);
        HistoryReader reader = new HistoryReader();
        HistoryIndex index = reader.index(history());

        Run run = reader.readRun(history(), index.runs().get(2));

        Run stored = new HistoryStore(dir, Clock.systemUTC()).readAll(PLATFORM).stream()
                .filter(r -> r instanceof HistoryRecord.RunRecord rr && rr.run().runId().equals("run-00002"))
                .map(r -> ((HistoryRecord.RunRecord) r).run()).findFirst().orElseThrow();
        assertThat(run).isEqualTo(stored);
        assertThat(run.results().get(0).primary().forkCount()).isEqualTo(9);
    }

    @Test
    void indexesARunRecordedTwiceOnce() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        Run again = ProjectFixtures.run(1, ProjectFixtures.resultsOf(1, 99));
        new HistoryStore(dir, Clock.systemUTC()).append(PLATFORM, new HistoryRecord.RunRecord(again));

        HistoryIndex index = new HistoryReader().index(history());

        assertThat(index.runs()).hasSize(3);
        assertThat(index.series(ProjectFixtures.REGRESSING)).singleElement()
                .satisfies(s -> assertThat(s.size()).isEqualTo(3));
    }

    @Test
    void skipsATornLastLineAndSaysSo() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        Files.writeString(history(), "{\"schema\":1,\"type\":\"run\",\"run_id\":\"torn", StandardOpenOption.APPEND);

        HistoryIndex index = new HistoryReader().index(history());

        assertThat(index.tornLastLine()).isTrue();
        assertThat(index.runs()).hasSize(3);
    }

    @Test
    void reportsABadLineWithTheSameMessageAsPerfCore() throws Exception {
        ProjectFixtures.project(dir, 4, 99);
        List<String> lines = Files.readAllLines(history());
        lines.set(2, lines.get(2).replace("\"type\":\"run\"", "\"type\":\"walk\""));
        Files.write(history(), lines, StandardCharsets.UTF_8);
        InputException expected = catchInput(() -> new HistoryStore(dir, Clock.systemUTC()).readAll(PLATFORM));

        assertThatThrownBy(() -> new HistoryReader().index(history()))
                .isInstanceOf(InputException.class)
                .hasMessage(expected.getMessage())
                .hasMessageContaining("line 3");
    }

    @Test
    void reportsASyntaxErrorWithTheSameMessageAsPerfCore() throws Exception {
        ProjectFixtures.project(dir, 4, 99);
        List<String> lines = Files.readAllLines(history());
        lines.set(3, lines.get(3).substring(0, 200) + "}");
        Files.write(history(), lines, StandardCharsets.UTF_8);
        InputException expected = catchInput(() -> new HistoryStore(dir, Clock.systemUTC()).readAll(PLATFORM));

        assertThatThrownBy(() -> new HistoryReader().index(history()))
                .isInstanceOf(InputException.class)
                .hasMessage(expected.getMessage())
                .hasMessageContaining(history().toString());
    }

    @Test
    void readsAMissingFileAsAnEmptyHistory() throws Exception {
        HistoryIndex index = new HistoryReader().index(history());

        assertThat(index.runs()).isEmpty();
        assertThat(index.series()).isEmpty();
    }

    @Test
    void skipsBlankLines() throws Exception {
        ProjectFixtures.project(dir, 3, 99);
        String text = Files.readAllLines(history()).stream().collect(Collectors.joining("\n\n", "", "\n"));
        Files.writeString(history(), text);

        HistoryIndex index = new HistoryReader().index(history());

        assertThat(index.runs()).hasSize(3);
    }

    /** Reads a file both ways; the records (as text, samples aside) or the message of each. */
    private static List<String> bothWays(Path file) {
        List<String> out = new java.util.ArrayList<>();
        for (HistoryReader.Detail detail : HistoryReader.Detail.values()) {
            List<String> records = new java.util.ArrayList<>();
            try {
                new HistoryReader().read(file, detail, (lineNo, offset, length, record) -> records.add(lineNo + " "
                        + (record instanceof HistoryRecord.RunRecord r ? r.run().runId() + " "
                        + r.run().results().size() + " " + r.run().results().get(0).primary().score() : "approval")));
                out.add(String.join("\n", records));
            } catch (InputException e) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    @Test
    void aLongLineOfEmptySamplesReadsTheSameBothWays() throws Exception {
        // JMH output without raw data gives "samples":[], which the filter makes two bytes longer.
        List<dev.perfgate.core.model.BenchmarkResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            results.add(new dev.perfgate.core.model.BenchmarkResult(dev.perfgate.core.model.BenchmarkId.of(
                    "b.B.m" + i, dev.perfgate.core.model.Mode.AVERAGE_TIME, java.util.Map.of()),
                    new dev.perfgate.core.model.Measurement("us/op", 1 + i, 0.1, List.of()), java.util.Map.of(),
                    dev.perfgate.core.model.RunSettings.UNKNOWN));
        }
        String line = new HistoryCodec().write(new HistoryRecord.RunRecord(ProjectFixtures.run(1, results)));
        assertThat(line.length()).isGreaterThan(140_000);
        Files.createDirectories(history().getParent());
        Files.writeString(history(), line + "\n" + line.replace("run-00001", "run-00002") + "\n");

        List<String> both = bothWays(history());

        assertThat(both.get(0)).isEqualTo(both.get(1)).isEqualTo("1 run-00001 1500 1.0\n2 run-00002 1500 1.0");
    }

    @Test
    void aLineInUtf16OrWithControlCharactersIsRefusedBothWays() throws Exception {
        String line = Files.readAllLines(ProjectFixtures.project(dir, 2, 99).resolve("history")
                .resolve(PLATFORM + ".jsonl")).get(0);
        assertThat(line).contains("\"main\"");
        for (byte[] bytes : List.of(line.getBytes(StandardCharsets.UTF_16LE), line.replace("\"main\"", "\"ma\u0001in\"")
                .getBytes(StandardCharsets.UTF_8))) {
            Path file = dir.resolve("odd.jsonl");
            Files.write(file, bytes);
            Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);

            List<String> both = bothWays(file);

            assertThat(both.get(0)).startsWith(file.toString()).isEqualTo(both.get(1));
        }
    }

    @Test
    void samplesDeepInsideAnUnknownFieldDoNotMakeATooDeepLineReadable() throws Exception {
        String approval = new HistoryCodec().write(new HistoryRecord.ApprovalRecord(ProjectFixtures.START, "a", "r",
                "c", "run-1", List.of(ProjectFixtures.REGRESSING)));
        for (int depth = 58; depth <= 66; depth++) {
            String extra = "[".repeat(depth) + "{\"samples\":[[1]]}" + "]".repeat(depth);
            Path file = dir.resolve("deep-" + depth + ".jsonl");
            Files.writeString(file, approval.replace("{\"schema\"", "{\"x\":" + extra + ",\"schema\"") + "\n");

            List<String> both = bothWays(file);

            assertThat(both.get(0)).as("depth %d", depth).isEqualTo(both.get(1));
        }
    }

    private interface Read {
        void run() throws InputException;
    }

    private static InputException catchInput(Read read) {
        try {
            read.run();
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("expected an InputException");
    }
}
