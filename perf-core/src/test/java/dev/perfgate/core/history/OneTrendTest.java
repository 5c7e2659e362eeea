package dev.perfgate.core.history;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.core.model.BenchmarkId;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.Run;
import dev.perfgate.core.report.HistoryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reader of a history shows the same points and change points: {@code perf-gate history}
 * and its HTML page ({@link Trends#read}) and the analyzer ({@link HistoryReader#index}, whose
 * series become trends through {@link Trends#trend}), for histories whose lines are shuffled,
 * whose runs are recorded twice, and that mix two host classes, a JDK update and approvals.
 */
class OneTrendTest {

    private static final int RUNS = 40;
    private static final int STEP_AT = 22;

    @TempDir
    Path dir;

    /** The lines of a history of two host classes with a step (and of one with a JDK update), in time order. */
    private List<String> orderedLines() throws Exception {
        ProjectFixtures.twoHostClasses(dir.resolve("classes"), RUNS, STEP_AT);
        ProjectFixtures.jdkUpdatedAt(dir.resolve("jdk"), RUNS, STEP_AT);
        List<String> lines = new ArrayList<>(Files.readAllLines(history(dir.resolve("classes"))));
        // The JDK-updated runs, with ids and times of their own, after them in time.
        for (String line : Files.readAllLines(history(dir.resolve("jdk")))) {
            lines.add(line.replace("\"run_id\":\"run-", "\"run_id\":\"jdk-").replace("\"timestamp\":\"2026-10-",
                    "\"timestamp\":\"2026-11-"));
        }
        HistoryCodec codec = new HistoryCodec();
        lines.add(5, codec.write(new HistoryRecord.ApprovalRecord(ProjectFixtures.START.plusSeconds(5 * 3600 + 60),
                "alice", "new baseline", "c1", ProjectFixtures.runId(4), List.of(ProjectFixtures.REGRESSING))));
        return lines;
    }

    private static Path history(Path project) {
        return project.resolve("history").resolve(ProjectFixtures.PLATFORM + ".jsonl");
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name + ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The trends of a file as {@code perf-gate history} reads them, checked against the analyzer's. */
    private static List<Trend> trends(Path file, int lastRuns) throws Exception {
        Trends trends = new Trends(new HistoryReader(), ChangePoints.defaults());
        List<Trend> cli = trends.read(file, id -> true, lastRuns).trends();
        if (lastRuns == 0) {
            List<Trend> analyzer = new ArrayList<>();
            HistoryIndex index = new HistoryReader().index(file);
            index.series().values().forEach(list -> list.forEach(s -> analyzer.add(trends.trend(file, s))));
            assertThat(analyzer).as("the analyzer's trends of " + file.getFileName()).isEqualTo(cli);
        }
        return cli;
    }

    @Test
    void shuffledLinesGiveTheTrendsOfTheOrderedHistory() throws Exception {
        List<String> ordered = orderedLines();
        List<Trend> expected = trends(write("ordered", ordered), 0);

        for (int seed = 0; seed < 5; seed++) {
            List<String> shuffled = new ArrayList<>(ordered);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(trends(write("shuffled-" + seed, shuffled), 0)).as("shuffle %d", seed).isEqualTo(expected);
        }
        Trend regressing = expected.stream().filter(t -> t.id().equals(ProjectFixtures.REGRESSING)
                && t.hostClass().equals(ProjectFixtures.AVX2) && t.points().size() > RUNS / 2).findFirst().orElseThrow();
        assertThat(regressing.changePoints()).isNotEmpty();
        assertThat(regressing.environment()).as("the JDK update at the step is labelled").isNotEmpty();
    }

    @Test
    void aRunRecordedAgainCountsOnceByItsFirstLine() throws Exception {
        List<String> ordered = orderedLines();
        List<Trend> expected = trends(write("ordered", ordered), 0);
        HistoryCodec codec = new HistoryCodec();
        List<String> twice = new ArrayList<>(ordered);
        // Runs 3 and 30 again at the end, one of them with other scores: the first line counts.
        for (String line : List.of(ordered.get(3), ordered.get(30))) {
            Run run = ((HistoryRecord.RunRecord) codec.read("x", 1, line)).run();
            List<BenchmarkResult> doubled = ProjectFixtures.scaled(run.results(), id -> true, 2.0);
            twice.add(codec.write(new HistoryRecord.RunRecord(new Run(run.runId(), run.timestamp(), run.commit(),
                    run.branch(), run.platform(), run.fingerprint(), run.host(), doubled))));
        }
        twice.add(ordered.get(10));

        assertThat(trends(write("twice", twice), 0)).isEqualTo(expected);
    }

    @Test
    void theLastRunsAreTheLatestByTimeWhateverTheLineOrder() throws Exception {
        List<String> ordered = orderedLines();
        List<Trend> all = trends(write("ordered", ordered), 0);
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));

        List<Trend> last = trends(write("shuffled", shuffled), 5);

        assertThat(last).hasSameSizeAs(all);
        for (Trend whole : all) {
            // Classes are listed by their first point shown, so the order may differ: match by class.
            Trend tail = last.stream().filter(t -> t.id().equals(whole.id())
                    && java.util.Objects.equals(t.hostClass(), whole.hostClass())).findFirst().orElseThrow();
            List<Trend.Point> points = whole.points();
            assertThat(tail.points()).isEqualTo(points.subList(Math.max(0, points.size() - 5), points.size()));
        }
    }

    @Test
    void aCompactedHistoryShowsTheSameTrends() throws Exception {
        List<String> shuffled = new ArrayList<>(orderedLines());
        Collections.shuffle(shuffled, new Random(11));
        Path file = write("compacted", shuffled);
        List<Trend> before = trends(file, 0);

        HistoryCompactor.Outcome outcome = new HistoryCompactor(new HistoryStore(dir, java.time.Clock.systemUTC()),
                java.time.Clock.systemUTC()).compact(file, ProjectFixtures.PLATFORM,
                HistoryCompactor.KeepSamples.runs(0), java.util.Set.of());

        assertThat(outcome.compacted()).isGreaterThan(RUNS);
        assertThat(trends(file, 0)).isEqualTo(before);
        assertThat(trends(file, 5)).isEqualTo(trends(write("whole", shuffled), 5));
    }

    @Test
    void theAnalyzersCachedIndexShowsWhatAFreshReadShows() throws Exception {
        // The first line has no score (its unit is not the trend's), the next another unit.
        HistoryCodec codec = new HistoryCodec();
        Run first = ProjectFixtures.run(1, ProjectFixtures.resultsOf(1, 99));
        List<BenchmarkResult> noScore = new ArrayList<>();
        for (BenchmarkResult r : first.results()) {
            noScore.add(new BenchmarkResult(r.id(), new dev.perfgate.core.model.Measurement("ms/op", Double.NaN,
                    Double.NaN, List.of()), r.secondary(), r.settings()));
        }
        Path file = write("cached", List.of(codec.write(new HistoryRecord.RunRecord(new Run(first.runId(),
                first.timestamp(), first.commit(), first.branch(), first.platform(), first.fingerprint(), null,
                noScore)))));
        HistoryIndexCache cache = new HistoryIndexCache(dir.resolve("cache"));
        new HistoryReader(cache).index(file);
        for (int i = 2; i < 12; i++) {
            Files.writeString(file, codec.write(new HistoryRecord.RunRecord(ProjectFixtures.run(i,
                    ProjectFixtures.resultsOf(i, 99)))) + "\n", java.nio.file.StandardOpenOption.APPEND);
        }

        Trends trends = new Trends(new HistoryReader(), ChangePoints.defaults());
        List<Trend> warm = new ArrayList<>();
        new HistoryReader(cache).index(file).series().values().forEach(l -> l.forEach(s -> warm.add(trends.trend(file, s))));

        assertThat(warm).isEqualTo(trends(file, 0));
        assertThat(warm).allSatisfy(t -> assertThat(t.points()).hasSize(10));
    }

    @Test
    void theHtmlPageShowsThePointsOfTheTrends() throws Exception {
        List<String> shuffled = new ArrayList<>(orderedLines());
        Collections.shuffle(shuffled, new Random(3));
        List<Trend> trends = trends(write("shuffled", shuffled), 0);

        String json = HistoryReport.render(trends, "linux-x86_64", HistoryReport.Format.JSON);
        String html = HistoryReport.render(trends, "linux-x86_64", HistoryReport.Format.HTML);

        BenchmarkId id = ProjectFixtures.REGRESSING;
        Trend first = trends.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        assertThat(html).contains(first.latest().runId());
        assertThat(json).contains(first.latest().runId());
    }
}
